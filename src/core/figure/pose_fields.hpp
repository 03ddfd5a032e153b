// Loader internals: the typed, positioned reads of a pose file's values (angles within their
// range of motion, body parts and regions, contacts, props), built on the routine loader's
// field reader so both kinds of file say "key: expected X, found Y" alike.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/figure/pose.hpp"
#include "core/routine_fields.hpp"

namespace unknot::figure::poseload {

// A number of degrees from lo to hi; `what` names it in the message ("camera azimuth").
void readDegrees(loader::Report& report, const toml::node& node, const std::string& where,
                 const std::string& what, double lo, double hi, std::string_view why, double& out);
// One joint angle within the joint's normal range (figure_body's table); a movement with no
// range there (the body's orientation in the room) may be anything from -180 to 180.
void readAngle(loader::Report& report, const toml::node& node, const std::string& where,
               std::string_view joint, std::string_view movement, double& out);
// The keys a keyframe may use for joints, and reading all of them into `angles`.
std::vector<std::string_view> jointKeyNames();
void readJoints(loader::Report& report, loader::Fields& fields, JointAngles& angles);
// A body part (or, unless `partsOnly`, a region) by name; `extra` are further names offered
// as "did you mean" (the supporting props a contact may name).
std::optional<Place> readPlace(loader::Report& report, const toml::node& node,
                               const std::string& where, bool partsOnly,
                               std::span<const std::string_view> extra = {});
// The array under `key`, or null (reported when it is there but not an array).
const toml::array* arrayOf(loader::Fields& fields, std::string_view key, std::string_view example);
std::optional<std::vector<Contact>> readContacts(loader::Report& report, loader::Fields& fields,
                                                 const std::vector<Prop>& props);
std::vector<Prop> readProps(loader::Report& report, loader::Fields& fields);

}  // namespace unknot::figure::poseload
