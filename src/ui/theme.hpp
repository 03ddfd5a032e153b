// The calm, high-contrast look: one dark palette shared by every view, with distinct colours
// for the right and left side so the side can be told apart at a glance from across the room.
#pragma once

#include <imgui.h>

namespace unknot::palette {

inline constexpr ImU32 kBackground = IM_COL32(0x12, 0x16, 0x1B, 0xFF);
inline constexpr ImU32 kPanel = IM_COL32(0x1C, 0x22, 0x29, 0xFF);
inline constexpr ImU32 kPanelHover = IM_COL32(0x25, 0x2E, 0x37, 0xFF);
inline constexpr ImU32 kPanelSelected = IM_COL32(0x1F, 0x3A, 0x3A, 0xFF);
inline constexpr ImU32 kTrack = IM_COL32(0x2A, 0x33, 0x3D, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0xF1, 0xF4, 0xF6, 0xFF);
inline constexpr ImU32 kTextDim = IM_COL32(0xA3, 0xAF, 0xBA, 0xFF);
inline constexpr ImU32 kTextFaint = IM_COL32(0x6E, 0x7A, 0x86, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0x4C, 0xC2, 0xB0, 0xFF);
inline constexpr ImU32 kAccentDark = IM_COL32(0x2F, 0x86, 0x79, 0xFF);
inline constexpr ImU32 kRight = IM_COL32(0xF2, 0xA5, 0x3C, 0xFF);
inline constexpr ImU32 kLeft = IM_COL32(0x5C, 0xA8, 0xF2, 0xFF);
inline constexpr ImU32 kHeat = IM_COL32(0xF0, 0x7A, 0x5A, 0xFF);
inline constexpr ImU32 kIce = IM_COL32(0x8C, 0xD8, 0xF0, 0xFF);
inline constexpr ImU32 kNeutralPill = IM_COL32(0x3A, 0x45, 0x51, 0xFF);
inline constexpr ImU32 kOnPill = IM_COL32(0x10, 0x13, 0x17, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0xF2, 0xC1, 0x4E, 0xFF);
inline constexpr ImU32 kError = IM_COL32(0xF0, 0x71, 0x67, 0xFF);
inline constexpr ImU32 kCountdown = IM_COL32(0xFF, 0xD7, 0x5E, 0xFF);
inline constexpr ImU32 kFlashBackground = IM_COL32(0x1D, 0x3F, 0x3B, 0xFF);
inline constexpr ImU32 kCountdownBackground = IM_COL32(0x2B, 0x25, 0x14, 0xFF);
// Warnings: urgent advice on a deep red that white text reads well on; the others on a dark
// amber panel with an amber edge.
inline constexpr ImU32 kUrgent = IM_COL32(0xA8, 0x1E, 0x1E, 0xFF);
inline constexpr ImU32 kUrgentHover = IM_COL32(0xC4, 0x2B, 0x2B, 0xFF);
inline constexpr ImU32 kWarningPanel = IM_COL32(0x33, 0x2A, 0x16, 0xFF);

}  // namespace unknot::palette

namespace unknot {

// Sets colours and spacing; spacing scales with the body font size so layouts keep their
// proportions from 800x600 to 4K.
void applyTheme(ImGuiStyle& style, float bodyFontSize);

}  // namespace unknot
