#include "ui/library_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "core/phase_text.hpp"
#include "ui/key_table.hpp"
#include "ui/library_details.hpp"
#include "ui/player_view.hpp"
#include "ui/theme.hpp"
#include "ui/warning_box.hpp"
#include "ui/widgets.hpp"

namespace unknot {

namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

const LibraryItem* findItem(const LibraryModel& model, const std::string& id) {
  for (const LibraryItem& item : model.items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// Keeps the selection on something the user can see.
void settleSelection(const LibraryModel& model, const std::vector<size_t>& visible,
                     LibraryViewState& state) {
  const bool shown = std::any_of(visible.begin(), visible.end(),
                                 [&](size_t i) { return model.items[i].id == state.selectedId; });
  if (!shown) state.selectedId = visible.empty() ? "" : model.items[visible.front()].id;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

float cardHeight(const LibraryItem& item, const UiFonts& fonts, const CardName& name) {
  const float lines = item.ok() && item.warnings.empty() ? 1.0f : 2.0f;
  const float nameHeight = fonts.headingSize * 1.3f + (name.lines.size() - 1) * name.size * 1.15f;
  return std::round(nameHeight + fonts.bodySize * 1.35f * lines + fonts.bodySize * 1.1f);
}

// One card; returns true when it was clicked (double-click: `start` is set too).
bool drawCard(const LibraryItem& item, const UiFonts& fonts, bool selected, bool& start) {
  const char* dot = symbol(fonts, "\xC2\xB7", "-");
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = fonts.bodySize * 0.9f;
  const float inner = width - 2 * pad;
  const std::string total = item.ok() ? totalText(item.total, item.hasUntimed) : "";
  const float totalWidth = textWidth(fonts.heading, fonts.headingSize, total);
  const CardName name =
      fitCardName(item.name, fonts.heading, fonts.headingSize, inner - totalWidth - pad, ellipsis);
  const float height = cardHeight(item, fonts, name);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::PushID(item.id.c_str());
  const bool clicked = ImGui::InvisibleButton("##card", ImVec2(width, height));
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) start = true;
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();

  ImDrawList* list = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + width, pos.y + height);
  const float rounding = fonts.bodySize * 0.35f;
  list->AddRectFilled(
      pos, end,
      selected ? palette().panelSelected : (hovered ? palette().panelHover : palette().panel),
      rounding);
  const ImU32 stripe =
      !item.ok() ? palette().error : (selected ? palette().accent : palette().track);
  list->AddRectFilled(pos, ImVec2(pos.x + fonts.bodySize * 0.3f, end.y), stripe, rounding,
                      ImDrawFlags_RoundCornersLeft);

  float y = pos.y + fonts.bodySize * 0.55f;
  drawText(list, fonts.heading, fonts.headingSize, ImVec2(end.x - pad - totalWidth, y),
           palette().accent, total);
  for (size_t i = 0; i < name.lines.size(); ++i) {
    drawText(list, fonts.heading, name.size, ImVec2(pos.x + pad, y), palette().text, name.lines[i]);
    y += i + 1 < name.lines.size() ? name.size * 1.15f : fonts.headingSize * 1.3f;
  }

  std::string line;
  ImU32 lineColour = palette().textDim;
  if (item.ok()) {
    line = item.category ? categoryLabel(*item.category) : "";
    if (!item.tags.empty()) line += std::string("  ") + dot + "  " + joined(item.tags, ", ");
  } else {
    line = "Could not load";
    lineColour = palette().error;
  }
  drawText(list, fonts.body, fonts.bodySize, ImVec2(pos.x + pad, y), lineColour,
           truncated(fonts.body, fonts.bodySize, line, inner, ellipsis));
  y += fonts.bodySize * 1.35f;
  if (!item.ok() || !item.warnings.empty()) {
    const std::string second =
        item.ok() ? std::string(symbol(fonts, "\xE2\x9A\xA0 ", "! ")) + item.warnings.front()
                  : item.errors.front();
    drawText(list, fonts.body, fonts.bodySize, ImVec2(pos.x + pad, y),
             item.ok() ? palette().warning : palette().error,
             truncated(fonts.body, fonts.bodySize, second, inner, ellipsis));
  }
  return clicked;
}

// Chips flow left to right and wrap at `right`; `pos` is where the next one goes.
bool drawChip(const char* label, bool active, float left, float right, ImVec2& pos) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
  if (pos.x + width > right && pos.x > left) {
    pos = ImVec2(left, pos.y + ImGui::GetFrameHeight() + style.ItemSpacing.y);
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushStyleColor(ImGuiCol_Button,
                        colour(active ? palette().primaryButton : palette().panel));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        colour(active ? palette().primaryButtonHover : palette().panelHover));
  const bool clicked = ImGui::Button(label);
  ImGui::PopStyleColor(2);
  pos.x += width + style.ItemSpacing.x;
  return clicked;
}

// True when Enter was pressed in the search box: start the selected match. `progress` is set
// when the Progress button was clicked.
bool drawHeader(const LibraryModel& model, LibraryViewState& state, const UiFonts& fonts, float pad,
                float width, bool& progress, bool& settings) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  drawText(list, fonts.heading, fonts.headingSize * 1.25f, ImVec2(pad, pad), palette().accent,
           "unknot");
  const float titleWidth = textWidth(fonts.heading, fonts.headingSize * 1.25f, "unknot");
  const float searchWidth = std::min(fonts.bodySize * 18.0f, width * 0.4f);
  const std::string progressLabel = withKey("Progress", libraryKeys(), LibraryAction::Progress);
  const std::string settingsLabel = withKey("Settings", libraryKeys(), LibraryAction::Settings);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float settingsWidth =
      ImGui::CalcTextSize(settingsLabel.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  // Both buttons take the Progress button's old place, left of the search box.
  const float progressWidth = ImGui::CalcTextSize(progressLabel.c_str()).x +
                              ImGui::GetStyle().FramePadding.x * 2 + gap + settingsWidth;
  const float tagRoom = width - 2 * pad - titleWidth - searchWidth - progressWidth - pad * 3;
  if (tagRoom > fonts.bodySize * 8) {
    // With a plan, the day's level and side take the tagline's place: what Start will run.
    const bool today = !model.today.empty();
    const std::string tagline =
        truncated(fonts.body, fonts.bodySize,
                  today ? model.today : "Stretching and recovery routines for sore glutes", tagRoom,
                  symbol(fonts, "\xE2\x80\xA6", "..."));
    drawText(
        list, fonts.body, fonts.bodySize,
        ImVec2(pad + titleWidth + pad, pad + fonts.headingSize * 1.25f - fonts.bodySize * 1.1f),
        today ? palette().text : palette().textDim, tagline);
  }
  ImGui::SetCursorScreenPos(ImVec2(width - pad * 2 - searchWidth - progressWidth, pad));
  progress = ImGui::Button(progressLabel.c_str());
  ImGui::SameLine(0, gap);
  settings = ImGui::Button(settingsLabel.c_str());
  ImGui::SetCursorScreenPos(ImVec2(width - pad - searchWidth, pad));
  ImGui::SetNextItemWidth(searchWidth);
  return ImGui::InputTextWithHint("##search", "Search name or tag", state.search.data(),
                                  state.search.size(), ImGuiInputTextFlags_EnterReturnsTrue);
}

// Returns the bottom of the chip rows.
float drawChips(const LibraryModel& model, LibraryViewState& state, float pad, float width,
                float top) {
  const ChipCounts counts = chipCounts(model, state.search.data());
  const std::string all = "All (" + std::to_string(counts.all) + ")";
  ImVec2 pos(pad, top);
  ImGui::PushID("chips");
  if (drawChip(all.c_str(), !state.category, pad, width - pad, pos)) state.category.reset();
  for (Category category : allCategories()) {
    const int count = counts.of(category);
    // A category the search leaves empty keeps its chip while it is the one chosen.
    if (count == 0 && state.category != category) continue;
    const std::string label =
        std::string(categoryLabel(category)) + " (" + std::to_string(count) + ")";
    if (drawChip(label.c_str(), state.category == category, pad, width - pad, pos)) {
      state.category = category;
    }
  }
  ImGui::PopID();
  return pos.y + ImGui::GetFrameHeight();
}

bool drawList(const LibraryModel& model, const std::vector<size_t>& visible,
              LibraryViewState& state, const UiFonts& fonts) {
  bool start = false;
  bool brokenHeading = false;
  for (size_t index : visible) {
    const LibraryItem& item = model.items[index];
    if (!item.ok() && !brokenHeading) {
      brokenHeading = true;
      ImGui::Spacing();
      ImGui::PushFont(fonts.heading);
      const auto broken = std::count_if(visible.begin(), visible.end(),
                                        [&](size_t i) { return !model.items[i].ok(); });
      ImGui::TextColored(colour(palette().error), "Could not load (%d)", static_cast<int>(broken));
      ImGui::PopFont();
    }
    const bool selected = item.id == state.selectedId;
    if (drawCard(item, fonts, selected, start)) state.selectedId = item.id;
    if (selected && state.scrollToSelected) {
      ImGui::SetScrollHereY(0.5f);
      state.scrollToSelected = false;
    }
  }
  if (visible.empty()) {
    ImGui::TextColored(colour(palette().textDim),
                       model.items.empty() ? "No routines found." : "No routine matches.");
    if (model.items.empty()) {
      ImGui::TextColored(colour(palette().textDim), "Add routine files to %s",
                         model.userRoutinesDir.c_str());
    }
  }
  return start;
}

// Two lines: the safety line, then the keys and where the user's routines go.
void drawFooter(const LibraryModel& model, const UiFonts& fonts, float pad, ImVec2 window) {
  const char* dot = symbol(fonts, "\xC2\xB7", "-");
  const char* ellipsis = symbol(fonts, "\xE2\x80\xA6", "...");
  const std::string keys = std::string(symbol(fonts, "\xE2\x86\x91\xE2\x86\x93", "Up/Down")) +
                           " choose  " + dot + "  Enter start  " + dot + "  ? all keys  " + dot +
                           "  your routines: " + model.userRoutinesDir;
  ImDrawList* list = ImGui::GetWindowDrawList();
  const float line = fonts.bodySize * 1.4f;
  drawText(list, fonts.body, fonts.bodySize, ImVec2(pad, window.y - pad - fonts.bodySize - line),
           palette().textDim,
           truncated(fonts.body, fonts.bodySize, kSafetyFooter, window.x - 2 * pad, ellipsis));
  drawText(list, fonts.body, fonts.bodySize, ImVec2(pad, window.y - pad - fonts.bodySize),
           palette().textFaint,
           truncated(fonts.body, fonts.bodySize, keys, window.x - 2 * pad, ellipsis));
}

}  // namespace

ChipCounts chipCounts(const LibraryModel& model, const std::string& search) {
  ChipCounts counts;
  const LibraryFilter filter{std::nullopt, search};
  for (const LibraryItem& item : model.items) {
    if (!matchesFilter(item, filter)) continue;
    if (!item.ok()) {
      ++counts.broken;
      continue;
    }
    ++counts.all;
    if (item.category) ++counts.byCategory[*item.category];
  }
  return counts;
}

CardName fitCardName(const std::string& name, ImFont* font, float size, float width,
                     const char* ellipsis) {
  if (textWidth(font, size, name) <= width) return {{name}, size};
  const float smallest = size * 0.8f;
  for (float s = size; s >= smallest - 0.01f; s -= size * 0.05f) {
    // Greedy wrap into at most two lines.
    std::string first, rest;
    size_t at = 0;
    while (at < name.size()) {
      size_t end = name.find(' ', at);
      if (end == std::string::npos) end = name.size();
      const std::string candidate = first + (first.empty() ? "" : " ") + name.substr(at, end - at);
      if (!first.empty() && textWidth(font, s, candidate) > width) break;
      first = candidate;
      at = end + 1;
    }
    rest = at < name.size() ? name.substr(at) : "";
    if (textWidth(font, s, first) <= width && textWidth(font, s, rest) <= width)
      return {{first, rest}, s};
    if (s - size * 0.05f < smallest - 0.01f) {
      return {
          {truncated(font, s, first, width, ellipsis), truncated(font, s, rest, width, ellipsis)},
          s};
    }
  }
  return {{truncated(font, size, name, width, ellipsis)}, size};
}

LibraryFilter LibraryViewState::filter() const {
  return LibraryFilter{category, std::string(search.data())};
}

std::vector<size_t> visibleItems(const LibraryModel& model, const LibraryFilter& filter) {
  std::vector<size_t> out;
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < model.items.size(); ++i) {
      const LibraryItem& item = model.items[i];
      if (item.ok() == (pass == 0) && matchesFilter(item, filter)) out.push_back(i);
    }
  }
  return out;
}

LibraryIntent applyLibraryKeys(const LibraryModel& model, LibraryViewState& state,
                               std::span<const UiKey> keys) {
  const std::vector<size_t> visible = visibleItems(model, state.filter());
  settleSelection(model, visible, state);
  LibraryIntent intent;
  for (UiKey key : keys) {
    const auto action = actionForKey(libraryKeys(), key);
    if (!action) continue;
    if (*action == LibraryAction::Previous || *action == LibraryAction::Next) {
      if (visible.empty()) continue;
      auto at = std::find_if(visible.begin(), visible.end(),
                             [&](size_t i) { return model.items[i].id == state.selectedId; });
      long pos = at - visible.begin();
      pos = std::clamp<long>(pos + (*action == LibraryAction::Next ? 1 : -1), 0,
                             static_cast<long>(visible.size()) - 1);
      state.selectedId = model.items[visible[pos]].id;
      state.scrollToSelected = true;
    } else if (*action == LibraryAction::Progress) {
      return {LibraryIntent::Kind::Progress, ""};
    } else if (*action == LibraryAction::Settings) {
      return {LibraryIntent::Kind::Settings, ""};
    } else if (*action == LibraryAction::Start) {
      const LibraryItem* item = findItem(model, state.selectedId);
      if (item && item->ok()) return {LibraryIntent::Kind::Start, item->id};
    }
  }
  return intent;
}

LibraryIntent drawLibraryView(const LibraryModel& model, LibraryViewState& state,
                              const UiFonts& fonts, std::span<const UiKey> keys,
                              const std::vector<RedFlag>& warnings) {
  LibraryIntent intent = applyLibraryKeys(model, state, keys);
  const ImVec2 window = ImGui::GetIO().DisplaySize;
  const float pad = std::round(fonts.bodySize * 1.2f);

  beginFullscreenWindow("##library");
  ImGui::PushFont(fonts.body);
  bool progress = false, settings = false;
  const bool searchEnter = drawHeader(model, state, fonts, pad, window.x, progress, settings);
  float chipsTop = pad + fonts.headingSize * 1.25f + pad * 0.8f;
  if (!warnings.empty()) {
    const float bannerHeight = std::round(fonts.bodySize * 2.2f);
    if (drawWarningBanner(warnings, fonts, ImVec2(pad, chipsTop), window.x - 2 * pad, bannerHeight))
      progress = true;
    chipsTop += bannerHeight + pad * 0.6f;
  }
  const float chipsBottom = drawChips(model, state, pad, window.x, chipsTop);

  const std::vector<size_t> visible = visibleItems(model, state.filter());
  settleSelection(model, visible, state);
  const float top = chipsBottom + pad * 0.8f;
  const float bottom = window.y - pad - fonts.bodySize * 3.2f;
  const float listWidth =
      std::round(std::clamp(window.x * 0.42f, fonts.bodySize * 18.0f, fonts.bodySize * 32.0f));
  ImGui::SetCursorScreenPos(ImVec2(pad, top));
  ImGui::BeginChild("##list", ImVec2(listWidth, std::max(1.0f, bottom - top)));
  bool start = drawList(model, visible, state, fonts) || searchEnter;
  ImGui::EndChild();

  ImGui::SetCursorScreenPos(ImVec2(pad * 2 + listWidth, top));
  ImGui::BeginChild("##details", ImVec2(std::max(1.0f, window.x - listWidth - pad * 3),
                                        std::max(1.0f, bottom - top)));
  const LibraryItem* selected = findItem(model, state.selectedId);
  if (selected && drawLibraryDetails(*selected, fonts)) start = true;
  ImGui::EndChild();
  drawFooter(model, fonts, pad, window);
  ImGui::PopFont();
  ImGui::End();

  if (start && selected && selected->ok()) intent = {LibraryIntent::Kind::Start, selected->id};
  if (progress) intent = {LibraryIntent::Kind::Progress, ""};
  if (settings) intent = {LibraryIntent::Kind::Settings, ""};
  return intent;
}

}  // namespace unknot
