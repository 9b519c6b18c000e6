// Regions as JSON, and the built-in regions read from src/data/regions.json (io/region.hpp; DOMAIN V1, V3).
#include "paarorende/io/region.hpp"
#include "detail/input_error.hpp"

#include "io/readers.hpp"
#include "paarorende/io/roster.hpp"

namespace paarorende {
using namespace detail;

namespace {

ChildContact read_contact(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  ChildContact contact{in.string("role"), in.string("unit")};
  for (const char* personal : {"name", "phone", "email", "person"}) {
    if (in.find(personal) != nullptr) {
      // DOMAIN V3, X4: a contact is a role in a unit; the region needs no personal data.
      detail::raise_input_error(in.pointer(personal), "a contact is a role and a unit, never a person's details", detail::Rule{"X4"});
    }
  }
  in.finish();
  return contact;
}

Municipality read_municipality(const Json& value, const std::string& pointer) {
  ObjectReader in(value, pointer);
  Municipality municipality;
  municipality.number = in.string("number");
  municipality.name = in.string("name");
  municipality.county = in.string_or("county", "");
  municipality.contacts = detail::read_array<ChildContact>(in, "contacts", read_contact);
  if (in.find("language")) {
    const std::string text = in.string("language");
    const auto language = language_from_string(text);
    if (!language || *language == Language::en) {
      detail::raise_input_error(in.pointer("language"), "a municipality's written standard is nb or nn, got " +
                                                            detail::quote_input(text));
    }
    municipality.language = *language;
  }
  in.finish();
  return municipality;
}

std::string read_unit_name(const Json& value, const std::string& pointer) {
  return detail::read_string(value, pointer);
}

Region read_region(const Json& value, const std::string& pointer, const std::vector<Region>& known) {
  ObjectReader in(value, pointer);
  Region region;
  if (const Json* based_on = in.find("based_on")) {
    const std::string id = detail::read_string(*based_on, in.pointer("based_on"));
    const auto base = std::find_if(known.begin(), known.end(), [&](const Region& r) { return r.id == id; });
    if (base == known.end()) {
      detail::raise_input_error(in.pointer("based_on"), "no built-in region " + detail::quote_input(id));
    }
    region = *base;
  } else {
    in.required("municipalities");
  }
  region.id = in.slug("id");
  region.name = in.string_or("name", region.name);
  region.note = in.string_or("note", region.note);
  if (in.find("municipalities")) {
    region.municipalities = detail::read_array<Municipality>(in, "municipalities", read_municipality);
  }
  if (in.find("required_units")) {
    region.required_units = detail::read_array<std::string>(in, "required_units", read_unit_name);
  }
  region.shared_waitlist = in.boolean_or("shared_waitlist", region.shared_waitlist);
  if (in.find("venues")) region.venues = detail::read_array<Venue>(in, "venues", read_venue);
  if (in.find("volunteers")) {
    region.volunteers = detail::read_array<Volunteer>(in, "volunteers", volunteer_from_json);
  }
  in.finish();
  detail::under_pointer(pointer, [&] { check_region(region); });
  return region;
}

}  // namespace

const std::vector<Region>& builtin_regions() {
  static const std::vector<Region> regions = read_builtin_list<Region>(
      builtin_regions_json, "regions",
      [](const Json& value, const std::string& pointer, const std::vector<Region>&) {
        return read_region(value, pointer, {});
      });
  return regions;
}

Region region_from_json(const Json& document) { return read_region(document, "", builtin_regions()); }

Region load_region(const std::filesystem::path& path) {
  return detail::read_document_file(path, [](const Json& document) { return region_from_json(document); });
}

Region region_from_reference(const Json& value, const std::string& pointer,
                             const std::filesystem::path& base_dir) {
  return read_reference(
      value, pointer, base_dir, "a built-in region id, a file name or an object",
      [](const Json& document, const std::string& at) {
        return under_pointer(at, [&] { return region_from_json(document); });
      },
      [&](const std::string& id) {
        const Region* region = find_builtin_region(id);
        if (region == nullptr) raise_input_error(pointer, "no built-in region " + quote_input(id));
        return *region;
      },
      load_region);
}

Json to_json(const Region& region) {
  Json municipalities = Json::array();
  for (const auto& municipality : region.municipalities) {
    Json contacts = Json::array();
    for (const auto& contact : municipality.contacts) {
      contacts.push_back({{"role", contact.role}, {"unit", contact.unit}});
    }
    municipalities.push_back({{"number", municipality.number},
                              {"name", municipality.name},
                              {"county", municipality.county},
                              {"language", std::string(to_string(municipality.language))},
                              {"contacts", contacts}});
  }
  Json venues = Json::array();
  for (const auto& venue : region.venues) {
    Json entry{{"name", venue.name}};
    if (!venue.address.empty()) entry["address"] = venue.address;
    venues.push_back(entry);
  }
  Json volunteers = Json::array();
  for (const auto& volunteer : region.volunteers) volunteers.push_back(to_json(volunteer));
  return Json{{"id", region.id},
              {"name", region.name},
              {"note", region.note},
              {"required_units", region.required_units},
              {"shared_waitlist", region.shared_waitlist},
              {"municipalities", municipalities},
              {"venues", venues},
              {"volunteers", volunteers}};
}

}  // namespace paarorende
