#include "core/recovery/progress_json.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace unknot {

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

std::string number(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string number(const std::optional<double>& value) {
  return value ? number(*value) : "null";
}

std::string minutes(Millis time) {
  return number(static_cast<double>(time.count()) / 60000.0);
}

std::string date(LogicalDate day) {
  return jsonString(formatDate(day));
}

// Comma-separated items with a fixed key order; keeps the writers below one line per field.
class Object {
 public:
  Object& field(std::string_view key, const std::string& rawJson) {
    m_out << (m_first ? "" : ",") << jsonString(key) << ":" << rawJson;
    m_first = false;
    return *this;
  }
  std::string str() const { return "{" + m_out.str() + "}"; }

 private:
  std::ostringstream m_out;
  bool m_first = true;
};

template <typename Range, typename Fn>
std::string array(const Range& items, Fn&& write) {
  std::string out = "[";
  bool first = true;
  for (const auto& item : items) {
    out += (first ? "" : ",") + write(item);
    first = false;
  }
  return out + "]";
}

std::string targetJson(const Target& target) {
  return Object()
      .field("what", jsonString(describeTarget(target)))
      .field("spec", jsonString(targetSpec(target)))
      .field("per_day", std::to_string(target.perDay))
      .field("from_week", std::to_string(target.fromWeek))
      .str();
}

std::string planJson(const ProgressSnapshot& snap) {
  if (!snap.hasPlan) return "null";
  const PlanSettings& settings = snap.plan.current();
  return Object()
      .field("id", std::to_string(snap.plan.id))
      .field("start", date(snap.plan.start))
      .field("end", date(snap.plan.end()))
      .field("weeks", std::to_string(settings.weeks))
      .field("day", std::to_string(snap.dayNumber))
      .field("days", std::to_string(snap.dayCount))
      .field("not_started", snap.notStarted ? "true" : "false")
      .field("finished", snap.finished ? "true" : "false")
      .field("rest_days_per_week", std::to_string(settings.restDaysPerWeek))
      .field("day_start_hour", std::to_string(settings.dayStartHour))
      .field("targets", array(settings.targets, targetJson))
      .str();
}

std::string dayJson(const DayStatus& day) {
  return Object()
      .field("date", date(day.date))
      .field("plan_day", std::to_string(day.planDay))
      .field("state", jsonString(toString(day.state)))
      .field("completion", number(day.completion))
      .field("sessions", std::to_string(day.sessions))
      .field("minutes", minutes(day.activeTime))
      .field("targets", array(day.targets,
                              [](const TargetProgress& t) {
                                return Object()
                                    .field("what", jsonString(describeTarget(t.target)))
                                    .field("done", std::to_string(t.done))
                                    .field("per_day", std::to_string(t.target.perDay))
                                    .str();
                              }))
      .str();
}

std::string painJson(const ProgressSnapshot& snap) {
  const auto series = array(snap.pain, [](const PainPoint& p) {
    return Object()
        .field("date", date(p.date))
        .field("pain", number(p.pain))
        .field("tightness", number(p.tightness))
        .field("pain_7d", number(p.pain7))
        .field("tightness_7d", number(p.tightness7))
        .str();
  });
  return Object()
      .field("latest", number(snap.latestPain()))
      .field("trend", jsonString(toString(snap.painTrend.trend)))
      .field("slope_per_week", number(snap.painTrend.slopePerWeek))
      .field("series", series)
      .str();
}

std::string flagJson(const RedFlag& flag) {
  return Object()
      .field("kind",
             jsonString(flag.kind == RedFlagKind::Symptom ? "symptom" : "pain-not-improving"))
      .field("symptom", flag.symptom ? jsonString(toString(*flag.symptom)) : "null")
      .field("date", date(flag.date))
      .field("advice", jsonString(flag.advice))
      .str();
}

}  // namespace

std::string progressJson(const ProgressSnapshot& snap) {
  const auto categories = array(snap.categories, [](const CategoryTotal& c) {
    return Object()
        .field("category", jsonString(toString(c.category)))
        .field("sessions", std::to_string(c.sessions))
        .field("minutes", minutes(c.time))
        .str();
  });
  return Object()
             .field("today", date(snap.today))
             .field("plan", planJson(snap))
             .field("streak", Object()
                                  .field("current", std::to_string(snap.streaks.current))
                                  .field("longest", std::to_string(snap.streaks.longest))
                                  .str())
             .field("adherence", Object()
                                     .field("so_far", number(snap.adherence))
                                     .field("last_7_days", number(snap.adherenceLast7))
                                     .str())
             .field("days", array(snap.days, dayJson))
             .field("categories", categories)
             .field("hold_minutes_by_side", Object()
                                                .field("left", minutes(snap.leftHold))
                                                .field("right", minutes(snap.rightHold))
                                                .str())
             .field("pain", painJson(snap))
             .field("red_flags", array(snap.redFlags, flagJson))
             .field("disclaimer", jsonString(kNotMedicalAdvice))
             .str() +
         "\n";
}

}  // namespace unknot
