// The documented list of bokmål-only words (issue #23; docs/spreadsheets.md, "Languages"): forms
// a nynorsk text never has. A nynorsk text that carries one is bokmål slipped in, or a text that
// fell back. Shared by the C++ tests that render nynorsk.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace paarorende::test {

inline constexpr std::array<std::string_view, 33> bokmal_only_words{
    "ikke", "hva", "hvordan", "hvor", "hvem", "hvis", "hvilke", "fra", "være", "bare", "noen", "noe",
    "jeg", "meg", "deg", "dere", "hun", "kommer", "sted", "steder", "skole", "uke", "uker", "ble",
    "tilbud", "pårørende", "deltakere", "husstand", "husstanden", "gjelder", "et", "mye", "stenger"};

/// The words of `text` (letters, and every byte of a multi-byte UTF-8 letter), in lower case.
inline std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte) || byte >= 0x80) {
      word += static_cast<char>(std::tolower(byte));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

/// The bokmål-only words in `text`, in order; empty for a text in nynorsk.
inline std::vector<std::string> bokmal_words_in(std::string_view text) {
  std::vector<std::string> found;
  for (const std::string& word : words_of(text)) {
    if (std::find(bokmal_only_words.begin(), bokmal_only_words.end(), word) != bokmal_only_words.end()) {
      found.push_back(word);
    }
  }
  return found;
}

}  // namespace paarorende::test
