// The JSON parser of every document: strict, located errors, bounded (io/json.hpp; limits.hpp).
#include "paarorende/io/json.hpp"
#include "detail/input_error.hpp"

#include <set>
#include <string>
#include <vector>

#include "io/json_reader.hpp"

namespace paarorende {
using namespace detail;

namespace {

std::string line_and_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column > 1 ? column - 1 : 1);
}

// Refuses a key given twice in one object (JSON itself allows it; the last would silently win).
// Follows the parse with a stack of open objects and arrays, so the error has a JSON pointer.
class DuplicateKeyGuard {
 public:
  bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        advance_array();
        // `depth` counts the arrays and objects around this one. Refused before it is built:
        // deep nesting would cost stack in every recursive walk (dump, compare) after parsing.
        if (depth >= max_nesting_depth) {
          detail::raise_input_error(pointer(), "arrays and objects nested more than " +
                                   std::to_string(max_nesting_depth) + " deep");
        }
        frames_.push_back({event == Event::array_start, {}, {}, -1});
        break;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        break;
      case Event::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          detail::raise_input_error(pointer(), "field " + detail::quote_input(frame.key) + " is given twice");
        }
        break;
      }
      case Event::value:
        advance_array();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool array;
    std::set<std::string> keys;
    std::string key;
    long index;
  };

  void advance_array() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  std::string pointer() const {
    std::string text;
    for (const Frame& frame : frames_) {
      text += '/';
      text += frame.array ? std::to_string(frame.index) : detail::pointer_token(frame.key);
    }
    return text;
  }

  std::vector<Frame> frames_;
};

// Where the first error of a JSON text is, and its token: a SAX pass that builds nothing.
std::pair<std::size_t, std::string> first_json_error(std::string_view text) {
  struct Locator : nlohmann::json_sax<Json> {
    std::size_t byte = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception&) override {
      byte = position;
      token = last_token;
      return false;
    }
  } locator;
  Json::sax_parse(text, &locator);
  return {locator.byte, locator.token};
}

}  // namespace

Json parse_json(std::string_view text) {
  if (text.size() > max_document_bytes) {
    detail::raise_input_error("", "document of " + std::to_string(text.size()) +
                             " bytes exceeds the limit of " + std::to_string(max_document_bytes));
  }
  // A UTF-8 byte order mark, as some editors write, is not an error.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // nlohmann's reader takes a NUL byte for the end of the input and would silently ignore
  // whatever follows it (found by the bad-input catalogue; issue #9).
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    detail::raise_input_error(line_and_column(text, nul + 1), "invalid JSON: a NUL byte (U+0000)");
  }
  try {
    return Json::parse(text, DuplicateKeyGuard{});
  } catch (const Json::parse_error& error) {
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: ...;
    // last read: '...'". The last-read token is cut: it can be huge and hold anything.
    std::string message = error.what();
    if (auto colon = message.find(": ", message.find("parse error")); colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    if (auto last_read = message.find("; last read"); last_read != std::string::npos) {
      message.resize(last_read);
    }
    detail::raise_input_error(line_and_column(text, error.byte), "invalid JSON: " + message);
  } catch (const Json::out_of_range&) {
    // A number beyond a double ("1e400"): nlohmann throws out_of_range without a position, so a
    // second, plain SAX pass finds where (found by fuzzing; issue #9).
    const auto [byte, token] = first_json_error(text);
    detail::raise_input_error(line_and_column(text, byte), "invalid JSON: the number " + detail::quote_input(token) + " is out of range");
  }
}

Json load_json_file(const std::filesystem::path& path) {
  const std::string text = detail::read_file(path);
  return in_file(path, [&] { return parse_json(text); });
}

}  // namespace paarorende
