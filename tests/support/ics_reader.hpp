// Exported iCalendar read back with libical, so our RFC 5545 writer is checked by someone else's
// parser; the octet-level rules libical is lenient about (CRLF, 75-octet lines) are checked too.
#pragma once

#include <libical/ical.h>

#include <memory>
#include <string>
#include <vector>

namespace unknot::testing {

struct IcalFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using IcalComponentPtr = std::unique_ptr<icalcomponent, IcalFree>;

// The VCALENDAR that is the whole of `text`. libical does not fail on bad input but marks it
// with X-LIC-ERROR properties, so those are turned into a throw here, as are a missing required
// property (PRODID, VERSION, UID, DTSTAMP, ACTION, TRIGGER) and lines that do not end in CRLF or
// are longer than 75 octets.
IcalComponentPtr icsParse(const std::string& text);

// The child components of one kind, in file order.
std::vector<icalcomponent*> icsChildren(icalcomponent* parent, icalcomponent_kind kind);

// The first property of a kind as libical read it: TEXT unescaped, other values in the form
// libical writes them. Throws when the component has none.
std::string icsValue(icalcomponent* component, icalproperty_kind kind);

// A TEXT value as libical reads it from its escaped form.
std::string icsUnescape(const std::string& escaped);

// Physical lines, each ending in CRLF and at most 75 octets; throws otherwise.
std::vector<std::string> icsPhysicalLines(const std::string& text);

}  // namespace unknot::testing
