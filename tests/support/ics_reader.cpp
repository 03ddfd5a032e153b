#include "support/ics_reader.hpp"

#include <stdexcept>

namespace unknot::testing {

namespace {

// libical's default is to abort on some errors; a test wants to report them instead.
void quietErrors() {
  static const bool once = [] {
    icalerror_set_errors_are_fatal(0);
    return true;
  }();
  (void)once;
}

// libical's own restriction check is iTIP's (RFC 5546: an event needs an ORGANIZER), which a
// published calendar is not; these are the properties RFC 5545 itself requires exactly once.
struct Required {
  icalcomponent_kind m_component;
  icalproperty_kind m_property;
};
constexpr Required kRequired[] = {
    {ICAL_VCALENDAR_COMPONENT, ICAL_PRODID_PROPERTY},
    {ICAL_VCALENDAR_COMPONENT, ICAL_VERSION_PROPERTY},
    {ICAL_VEVENT_COMPONENT, ICAL_UID_PROPERTY},
    {ICAL_VEVENT_COMPONENT, ICAL_DTSTAMP_PROPERTY},
    {ICAL_VALARM_COMPONENT, ICAL_ACTION_PROPERTY},
    {ICAL_VALARM_COMPONENT, ICAL_TRIGGER_PROPERTY},
};

void collectErrors(icalcomponent* component, std::string& errors) {
  const std::string name = icalcomponent_kind_to_string(icalcomponent_isa(component));
  for (icalproperty* error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
       error; error = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
    errors += name + ": " + icalproperty_get_xlicerror(error) + "\n";
  }
  for (const Required& required : kRequired) {
    if (required.m_component != icalcomponent_isa(component)) continue;
    const int count = icalcomponent_count_properties(component, required.m_property);
    if (count != 1) {
      errors += name + ": " + std::to_string(count) + " " +
                icalproperty_kind_to_string(required.m_property) + " properties, not 1\n";
    }
  }
  for (icalcomponent* child : icsChildren(component, ICAL_ANY_COMPONENT))
    collectErrors(child, errors);
}

}  // namespace

std::vector<std::string> icsPhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) throw std::runtime_error("a line does not end in CRLF");
    std::string line = text.substr(pos, end - pos);
    if (line.find_first_of("\r\n") != std::string::npos) {
      throw std::runtime_error("a bare CR or LF inside a line");
    }
    if (line.size() > 75) throw std::runtime_error("a line longer than 75 octets: " + line);
    lines.push_back(std::move(line));
    pos = end + 2;
  }
  return lines;
}

IcalComponentPtr icsParse(const std::string& text) {
  quietErrors();
  icsPhysicalLines(text);
  IcalComponentPtr root(icalparser_parse_string(text.c_str()));
  if (!root) throw std::runtime_error("libical found no component");
  // Several top-level components come back wrapped in an XROOT.
  if (icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT) {
    throw std::runtime_error(std::string("the top level is ") +
                             icalcomponent_kind_to_string(icalcomponent_isa(root.get())) +
                             ", not one VCALENDAR");
  }
  std::string errors;
  collectErrors(root.get(), errors);
  if (!errors.empty()) throw std::runtime_error("libical reports:\n" + errors);
  return root;
}

std::vector<icalcomponent*> icsChildren(icalcomponent* parent, icalcomponent_kind kind) {
  std::vector<icalcomponent*> children;
  for (icalcomponent* child = icalcomponent_get_first_component(parent, kind); child;
       child = icalcomponent_get_next_component(parent, kind)) {
    children.push_back(child);
  }
  return children;
}

std::string icsValue(icalcomponent* component, icalproperty_kind kind) {
  icalproperty* property = icalcomponent_get_first_property(component, kind);
  if (!property) {
    throw std::runtime_error(std::string("no ") + icalproperty_kind_to_string(kind) + " in " +
                             icalcomponent_kind_to_string(icalcomponent_isa(component)));
  }
  const icalvalue* value = icalproperty_get_value(property);
  if (icalvalue_isa(value) == ICAL_TEXT_VALUE) return icalvalue_get_text(value);
  return icalproperty_get_value_as_string(property);
}

std::string icsUnescape(const std::string& escaped) {
  quietErrors();
  icalvalue* value = icalvalue_new_from_string(ICAL_TEXT_VALUE, escaped.c_str());
  if (!value) throw std::runtime_error("libical cannot read TEXT " + escaped);
  std::string text = icalvalue_get_text(value);
  icalvalue_free(value);
  return text;
}

}  // namespace unknot::testing
