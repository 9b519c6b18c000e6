// Children and young people as next of kin: the follow-up register (DOMAIN V2, V3, X4; issue #22,
// docs/children-next-of-kin.md). Each child a unit identified, pseudonymous and structured: whose
// next of kin it is and the kind of illness (V2), the unit responsible for its follow-up and that
// unit's child-responsible role (V3), what was offered and when, a guardian's consent, the next
// follow-up date. From it: per unit, the children to follow up on a date, and the region's
// summary tables, protected together before they are published (X4).
//
// DOMAIN X4: every field about a child is an id, a code, a role or a date. There is no free-text
// field about a child and no diagnosis: the reader refuses any other field.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "paarorende/calendar.hpp"
#include "paarorende/region.hpp"
#include "paarorende/table.hpp"
#include "paarorende/treffpunkt.hpp"
#include "paarorende/violation.hpp"

namespace paarorende {

/// DOMAIN V2: whose next of kin the child is.
enum class NextOfKinTo { parent, sibling, other_close_person };
/// DOMAIN V2: the kind of illness, never a diagnosis (the model is diagnosis-independent).
enum class IllnessKind { mental_illness, substance_use, serious_somatic_illness };
/// What a unit offered a child, from a fixed list (DOMAIN V3, V4).
enum class FollowupOfferKind {
  conversation,        ///< A conversation with the child.
  school_information,  ///< Information to the child's school or kindergarten.
  treffpunkt,          ///< The meeting place (V4).
  referral,            ///< A referral to another service.
};

std::string_view to_string(NextOfKinTo who) noexcept;
std::string_view to_string(IllnessKind illness) noexcept;
std::string_view to_string(FollowupOfferKind kind) noexcept;
/// The code's name ("parent", ...); std::nullopt otherwise.
std::optional<NextOfKinTo> next_of_kin_to_from_string(std::string_view text) noexcept;
std::optional<IllnessKind> illness_kind_from_string(std::string_view text) noexcept;
std::optional<FollowupOfferKind> followup_offer_kind_from_string(std::string_view text) noexcept;
/// Every kind of offer, in the order of the enum.
const std::vector<FollowupOfferKind>& followup_offer_kinds();
/// Whether the offer shares something about the child beyond the unit that makes it (information
/// to the school, the meeting place, a referral), and so needs a guardian's consent first (X4). A
/// conversation with the child does not.
bool needs_consent(FollowupOfferKind kind) noexcept;

/// A unit that identifies children and follows them up (DOMAIN V3): a health centre, a school, a
/// kindergarten, ... of one municipality, with its designated child-responsible role.
struct FollowupUnit {
  std::string id = {};            ///< A slug, unique in the register ("vang-skole").
  std::string municipality = {};  ///< By number or name, as the register gives it; one of the region's.
  std::string kind = {};          ///< As the region's contacts name units: "helsestasjon", "skole", ...
  /// V3: the unit's designated child-responsible role ("barneansvarlig"), never a person; empty
  /// when the unit has none yet.
  std::optional<std::string> child_responsible = {};

  friend bool operator==(const FollowupUnit&, const FollowupUnit&) = default;
};

/// One offer made to a child: its kind, its date and the unit that made it.
struct FollowupOffer {
  FollowupOfferKind kind = FollowupOfferKind::conversation;
  Date date;
  std::string unit = {};

  friend bool operator==(const FollowupOffer&, const FollowupOffer&) = default;
};

/// One identified child, pseudonymous (DOMAIN X4).
struct FollowupChild {
  std::string id = {};            ///< A pseudonymous slug, unique in the register ("c-0012").
  int birth_year = 0;             ///< The year only (X4); the child is 0-18 when identified (V2).
  std::string municipality = {};  ///< Where the child lives (V3: followed up there).
  std::string identified_by = {};  ///< The unit that identified the child.
  Date identified_on;
  NextOfKinTo next_of_kin_to = NextOfKinTo::parent;
  IllnessKind illness = IllnessKind::mental_illness;
  std::optional<std::string> responsible_unit = {};  ///< V3; empty when no unit is yet.
  std::vector<FollowupOffer> offers = {};
  std::optional<Consent> consent = {};  ///< A guardian's, by role and dated (X4).
  Date next_follow_up;                  ///< Not before identified_on.
  /// The day the follow-up ended (the child moved, grew up, or needs no more), not before
  /// identified_on; empty while it goes on. A closed child is on no list from that day.
  std::optional<Date> closed_on = {};

  /// The child's age in whole years in `year` (from the birth year only).
  int age_in(int year) const noexcept { return year - birth_year; }
  friend bool operator==(const FollowupChild&, const FollowupChild&) = default;
};

/// The register: the region it is read against, its units and its children.
struct FollowupRegister {
  Region region = {};  ///< Its municipalities and their child-responsible contacts (V1, V3).
  std::vector<FollowupUnit> units = {};
  std::vector<FollowupChild> children = {};

  const FollowupUnit* find_unit(std::string_view id) const noexcept;
  const FollowupChild* find_child(std::string_view id) const noexcept;
  friend bool operator==(const FollowupRegister&, const FollowupRegister&) = default;
};

/// Checks what a reader cannot: ids are slugs and unique; every municipality is one of the
/// region's; every unit named (identified_by, responsible_unit, an offer's unit) is a unit of the
/// register; the child is 0-18 when identified (V2); no offer, closing or next follow-up before the
/// identification, no closing before it; a consent by a mother, father or guardian (X4). Throws InputError with a JSON
/// pointer ("/children/3/offers/0/unit") and the rule.
void check_followup_register(const FollowupRegister& reg);

/// A child to follow up on the day: overdue (next_follow_up before the day) or due (within the
/// days asked for).
struct DueFollowup {
  std::string child = {};
  Date next_follow_up;
  bool overdue = false;
  /// Days overdue (overdue) or days left (due, 0 on the day itself).
  int days = 0;

  friend bool operator==(const DueFollowup&, const DueFollowup&) = default;
};

/// An offer made without a guardian's consent, or before it (X4).
struct OfferWithoutConsent {
  std::string child = {};
  FollowupOfferKind kind = FollowupOfferKind::school_information;
  Date date;
  /// The consent's date when the offer came before it; empty when there is no consent.
  std::optional<Date> consent_date = {};

  friend bool operator==(const OfferWithoutConsent&, const OfferWithoutConsent&) = default;
};

/// One unit's lists on the day: its children are those it is responsible for, and those it
/// identified that no unit is responsible for.
struct UnitFollowup {
  std::string unit = {};
  std::string municipality = {};  ///< The municipality's name.
  std::optional<std::string> child_responsible = {};
  std::vector<DueFollowup> overdue = {};  ///< The most overdue first.
  std::vector<DueFollowup> due = {};      ///< The soonest first.
  /// V3: no responsible unit, or the responsible unit has no child-responsible role.
  std::vector<std::string> without_responsible_role = {};
  std::vector<std::string> offered_nothing = {};  ///< V3: identified, offered nothing yet.
  std::vector<OfferWithoutConsent> offers_without_consent = {};  ///< X4.

  /// Whether the unit has anything to act on.
  bool empty() const noexcept;
  friend bool operator==(const UnitFollowup&, const UnitFollowup&) = default;
};

struct FollowupOptions {
  int within_days = 14;  ///< A follow-up within this many days of the day is due (0-366).
};

/// The follow-up lists of a register on a day.
struct FollowupLists {
  Date today;
  int within_days = 14;
  /// The children identified on or before the day (later ones are not yet in the lists).
  int children = 0;
  /// Of them, those whose follow-up was closed on or before the day (on no list but the offers
  /// without a consent: what was shared stays shared).
  int closed = 0;
  /// One per unit with anything to act on, in the register's order of units.
  std::vector<UnitFollowup> units = {};
  /// V3: units whose kind has no child-responsible contact in their municipality in the region
  /// (their municipality by name).
  std::vector<FollowupUnit> units_without_contact = {};
  /// One finding per list that is not empty, with its rule and count (no child named).
  std::vector<Violation> findings = {};

  friend bool operator==(const FollowupLists&, const FollowupLists&) = default;
};

/// The follow-up lists on `today` (DOMAIN V3, X4). Throws InputError as check_followup_register
/// does, or at "within_days" when it is outside 0-366.
FollowupLists followup_lists(const FollowupRegister& reg, Date today, const FollowupOptions& options = {});

/// The age bands of the region's summary, by the child's age in the year of the day.
const std::vector<AgeBand>& followup_age_bands();

/// A table of the region's summary, by name: "children", or "offer-<kind>" ("offer-referral").
struct NamedTable {
  std::string name = {};
  Table table = {};

  friend bool operator==(const NamedTable&, const NamedTable&) = default;
};

/// The region's summary on `today` (DOMAIN V1, V3, X4): the children identified on or before the
/// day per municipality and age band ("children"), and per kind of offer the children offered it
/// on or before the day ("offer-conversation", ...): separate tables, since one child can have
/// several offers. Every table has the dimensions "municipality" (the region's municipalities, by
/// name; margin "total") and "age_band" ("0-5", "6-12", "13-18", "19+": the age in the day's year;
/// margin "total"); cells of 0 are left out. `threshold` is the tables' (X4: 3 or more).
std::vector<NamedTable> followup_summary_tables(const FollowupRegister& reg, Date today, int threshold = 5);

/// The summary tables protected with suppress_nested (DOMAIN X4): the offer tables count subsets of
/// the children table, so a cell the children table hides is hidden in them; the children of a cell
/// not offered something (children - offered) are a figure too; and every table's hidden cells and
/// every such difference are audited together with the links "offered <= identified", so that no
/// table narrows another's hidden figure.
struct FollowupSummary {
  Date today;
  std::vector<std::string> names = {};
  std::vector<SuppressionResult> tables = {};
  /// Small figures (cells, or the children of a cell not offered something) the protection left
  /// narrower than the threshold: 0, or the summary is not fit to publish (X4).
  std::size_t narrow = 0;

  friend bool operator==(const FollowupSummary&, const FollowupSummary&) = default;
};
FollowupSummary followup_summary(const FollowupRegister& reg, Date today, int threshold = 5,
                                 const SuppressionOptions& options = {});

std::ostream& operator<<(std::ostream& out, const FollowupLists& lists);

}  // namespace paarorende
