// `unknot poses` and `unknot poses --sheet` run as the real binary (the sheet under Xvfb): the
// table lists every pose, and the image has one labelled cell per pose, keyframe and side with
// a figure in it, in the side's colour, and nothing where a pose has no keyframe.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <memory>

#include "core/figure/pose_loader.hpp"
#include "support/process.hpp"
#include "ui/pose_sheet.hpp"

using namespace unknot;
using namespace unknot::testing;

namespace {

struct Rgb {
  int r, g, b;
};
// ui/theme.hpp and ui/figure_view.cpp.
constexpr Rgb kPanel{0x1C, 0x22, 0x29};
constexpr Rgb kRight{0xF2, 0xA5, 0x3C};
constexpr Rgb kLeft{0x5C, 0xA8, 0xF2};

class Png {
 public:
  explicit Png(const std::string& path)
      : m_pixels(stbi_load(path.c_str(), &m_width, &m_height, &m_channels, 3), stbi_image_free) {}
  bool loaded() const { return m_pixels != nullptr; }
  int width() const { return m_width; }
  int height() const { return m_height; }
  bool near(int x, int y, Rgb c, int tolerance = 16) const {
    const unsigned char* p = m_pixels.get() + (static_cast<size_t>(y) * m_width + x) * 3;
    return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance &&
           std::abs(p[2] - c.b) <= tolerance;
  }
  // Pixels in the box that are `c`, or (with `unlike`) that are not.
  long count(const Box& box, Rgb c, bool unlike = false, int tolerance = 16) const {
    long n = 0;
    for (int y = static_cast<int>(box.min.y); y < static_cast<int>(box.max.y); ++y)
      for (int x = static_cast<int>(box.min.x); x < static_cast<int>(box.max.x); ++x)
        n += near(x, y, c, tolerance) != unlike;
    return n;
  }

 private:
  // Before the pixels: stbi_load fills them in while the pixels are initialised.
  int m_width = 0, m_height = 0, m_channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> m_pixels;
};

ProcessOptions isolated(const TempDir& home) {
  ProcessOptions options;
  options.env = {{"XDG_CONFIG_HOME", home.file("config")},
                 {"XDG_DATA_HOME", home.file("data")},
                 {"UNKNOT_DATA_DIR", home.file("data/unknot")}};
  return options;
}

ProcessResult underXvfb(const TempDir& home, std::vector<std::string> args) {
  REQUIRE(std::filesystem::exists("/usr/bin/xvfb-run"));
  std::vector<std::string> command = {"xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                                      UNKNOT_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  ProcessResult result;
  for (int attempt = 0; attempt < 3; ++attempt) {
    result = runProcess(command, isolated(home));
    if (result.err.find("Xvfb failed to start") == std::string::npos) break;
  }
  INFO(result.err);
  return result;
}

std::vector<const figure::Pose*> bundled(const figure::PoseLibrary& library) {
  std::vector<const figure::Pose*> poses;
  for (const figure::PoseEntry& entry : library.entries())
    if (entry.pose) poses.push_back(&*entry.pose);
  return poses;
}

}  // namespace

TEST_CASE("unknot poses lists every pose with its keyframes, view and props") {
  TempDir home;
  const ProcessResult result = runProcess({UNKNOT_BINARY, "poses"}, isolated(home));
  INFO(result.err);
  CHECK(result.exitCode == 0);
  CHECK(result.out.rfind("ID", 0) == 0);
  CHECK(result.out.find("glute-bridge          Glute bridge") != std::string::npos);
  CHECK(result.out.find("down -> up") != std::string::npos);
  CHECK(result.out.find("three-quarter") != std::string::npos);
  CHECK(result.out.find("mat, foam_roller") != std::string::npos);
  const figure::PoseLibrary library =
      figure::PoseLibrary::load({std::string(UNKNOT_SOURCE_DIR) + "/assets/poses"});
  for (const figure::PoseEntry& entry : library.entries())
    CHECK(result.out.find("\n" + entry.id + " ") != std::string::npos);
}

TEST_CASE("unknot poses --pose with an unknown id is a usage error with a suggestion") {
  TempDir home;
  const ProcessResult result = runProcess(
      {UNKNOT_BINARY, "poses", "--sheet", home.file("x.png"), "--pose", "pigeom"}, isolated(home));
  CHECK(result.exitCode == 2);
  CHECK(result.err == "unknot: poses: --pose: no pose 'pigeom' (did you mean 'pigeon'?)\n");
}

TEST_CASE("the pose sheet has one labelled cell with a figure per pose, keyframe and side") {
  TempDir home;
  const std::string png = home.file("poses.png");
  const ProcessResult result = underXvfb(home, {"poses", "--sheet", png});
  REQUIRE(result.exitCode == 0);
  const Png image(png);
  REQUIRE(image.loaded());
  const figure::PoseLibrary library =
      figure::PoseLibrary::load({std::string(UNKNOT_SOURCE_DIR) + "/assets/poses"});
  const std::vector<const figure::Pose*> poses = bundled(library);
  REQUIRE(poses.size() >= 17);
  const SheetLayout layout = sheetLayout(poses);
  CHECK(image.width() == static_cast<int>(layout.size.x));
  CHECK(image.height() == static_cast<int>(layout.size.y));
  int cells = 0;
  for (size_t row = 0; row < poses.size(); ++row) {
    for (size_t k = 0; k < static_cast<size_t>(layout.columns / 2); ++k) {
      for (figure::BodySide side : {figure::BodySide::Right, figure::BodySide::Left}) {
        const Box cell = sheetCell(layout, static_cast<int>(row), static_cast<int>(k), side);
        const Box label{cell.min, ImVec2(cell.max.x, cell.min.y + layout.labelHeight)};
        const Box figure{ImVec2(cell.min.x, cell.min.y + layout.labelHeight), cell.max};
        INFO(poses[row]->id << " keyframe " << k
                            << (side == figure::BodySide::Left ? " left" : " right"));
        if (k >= poses[row]->keyframes.size()) {
          CHECK(image.count(cell, kPanel, false, 3) == 0);  // no cell drawn
          continue;
        }
        ++cells;
        const Rgb colour = side == figure::BodySide::Left ? kLeft : kRight;
        CHECK(image.count(label, colour) > 40);  // the label, in the side's colour
        // A figure: a good part of the picture is neither the panel nor the floor.
        const long drawn = image.count(figure, kPanel, true, 3);
        CHECK(drawn > static_cast<long>(layout.cellWidth * layout.cellHeight / 20));
      }
    }
  }
  long expected = 0;
  for (const figure::Pose* pose : poses) expected += 2 * static_cast<long>(pose->keyframes.size());
  CHECK(cells == expected);
}
