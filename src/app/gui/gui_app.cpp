#include "app/gui/gui_app.hpp"

#include <GLFW/glfw3.h>
#include <malloc.h>

#include <algorithm>
#include <iostream>

#include "app/gui/gui_capture.hpp"
#include "app/session/library.hpp"
#include "app/session/session_commands.hpp"
#include "ui/player_figure.hpp"
#include "ui/player_view.hpp"
#include "ui/safety_views.hpp"
#include "ui/stop_question.hpp"
#include "ui/summary_view.hpp"
#include "ui/theme.hpp"

namespace unknot {

namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr int kFramesAfterInput = 3;       // ImGui settles hover and click states over a few frames
constexpr milliseconds kFlashLength{450};  // the phase-change highlight
constexpr int kScreenshotFrames = 3;       // child windows and tables size themselves on frame 2
constexpr microseconds kWakeSlack{2000};   // land just after a boundary, never just before it

LibraryModel libraryModelOf(const GuiOptions& options, const RoutineLibrary* library,
                            const figure::PoseLibrary* poses, const TodayDose& today) {
  const std::string userDir = displayPath(options.paths, options.paths.userRoutinesDir);
  if (!library) return LibraryModel{{}, userDir, {}};
  return makeLibraryModel(*library, userDir, today.dose,
                          todayLine(today.dose, today.fromPlan, "\xC2\xB7"), poses);
}

GuiProgress::Options progressOptionsOf(const GuiOptions& options) {
  GuiProgress::Options out;
  out.dataDir = options.paths.data;
  out.documentsDir = options.paths.documentsDir;
  out.documentsShown = displayPath(options.paths, options.paths.documentsDir);
  out.firstWeekday = options.firstWeekday;
  out.dateText = options.dateText;
  if (options.library) {
    for (const LibraryEntry& entry : options.library->entries()) {
      if (!entry.plan) continue;
      out.routineIds.push_back(entry.id);
      out.routines.push_back({entry.id, entry.plan->name, entry.plan->category, entry.plan->total});
    }
  }
  return out;
}

GuiSettings::Options settingsOptionsOf(const GuiOptions& options) {
  GuiSettings::Options out;
  out.settings = options.settings;
  out.path = options.settingsPath;
  out.fileErrors = options.settingsErrors;
  out.applyAudio = options.applyAudioSettings;
  out.speak = options.speak;
  out.listVoices = options.listVoices;
  out.dataDir = options.paths.data;
  out.backgroundStatus = options.backgroundStatus;
  out.setBackground = options.setBackground;
  return out;
}

std::vector<std::filesystem::path> routineDirsOf(const GuiOptions& options) {
  // The pose folders too: a step's figure changes when its pose file is edited.
  return {options.paths.routinesDir, options.paths.userRoutinesDir,
          options.paths.assetsDir / "poses", options.paths.userPosesDir};
}

}  // namespace

GuiApp::GuiApp(const GuiOptions& options, GuiWindow& window, FontSet& fonts)
    : m_options(options),
      m_window(window),
      m_fonts(fonts),
      m_today(todayDose(options.paths.data, localNow())),
      m_library(libraryModelOf(options, options.library, options.poses, m_today)),
      m_libraryStamp(options.reloadLibrary ? routineFilesStamp(routineDirsOf(options)) : ""),
      m_reminders(options.paths.data, !options.screenshot.has_value()),
      m_progress(progressOptionsOf(options)),
      m_settings(settingsOptionsOf(options)),
      m_frozenClock(options.screenshot.has_value()),
      m_look({options.settings, options.screenshot ? std::filesystem::path() : options.settingsPath,
              options.theme, options.scale}) {
  if (options.toggleMute) m_muted = options.settings && options.settings->audio.muted;
  m_look.apply();
}

void GuiApp::toggleMute() {
  if (!m_options.toggleMute) return;
  m_muted = m_options.toggleMute();
  // Saved with the window geometry on exit, so the next run starts the way this one ended.
  if (m_options.settings) m_options.settings->audio.muted = *m_muted;
}

void GuiApp::refreshToday() {
  TodayDose today = todayDose(m_options.paths.data, localNow());
  const bool changed = today.fromPlan != m_today.fromPlan ||
                       today.dose.level != m_today.dose.level ||
                       today.dose.soreSide != m_today.dose.soreSide ||
                       today.dose.extraSoreHolds != m_today.dose.extraSoreHolds;
  m_today = std::move(today);
  if (!changed) return;
  m_library = libraryModelOf(m_options, library(), poses(), m_today);
  ++m_libraryRevision;
}

// Heat and ice run as written: a stored cycle is resumed by the hash of the plan it recorded.
Plan GuiApp::atTodaysDose(const Plan& plan) const {
  if (!m_today.fromPlan || !library() || isThermalPlan(plan)) return plan;
  const LibraryEntry* entry = library()->find(plan.routineId);
  if (!entry || !entry->routine || !entry->plan) return plan;
  const RoutineLibrary& routines = *library();
  const RoutineResolver resolve = [&routines](std::string_view id) {
    return routines.findRoutine(id);
  };
  ExpandResult result = expand(*entry->routine, resolve, m_today.dose);
  return result.plan ? std::move(*result.plan) : plan;
}

void GuiApp::start(const Plan& plan, Millis at) {
  m_libraryState.selectedId = plan.routineId;
  if (m_notice) {
    m_afterNotice = {&plan, at};
    return;
  }
  if (!m_frozenClock && m_progress.adviseBeforeStart(plan.routineId)) return;
  startSession(plan, at);
}

void GuiApp::showSafetyScreens(bool atLibrary, bool noticeAgain) {
  const bool acknowledged = m_options.settings && m_options.settings->safety.noticeAcknowledged;
  m_notice = noticeAgain || (!acknowledged && !m_frozenClock);
  m_progress.refreshWarnings();
  if (atLibrary) m_progress.showUrgentIfAny();
}

// Remembered at once (not only on exit), so a crash does not ask again.
void GuiApp::acknowledgeNotice() {
  m_notice = false;
  if (m_options.settings && !m_options.settings->safety.noticeAcknowledged) {
    m_options.settings->safety.noticeAcknowledged = true;
    if (!m_options.settingsPath.empty()) {
      if (const auto error = saveSettings(*m_options.settings, m_options.settingsPath))
        std::cerr << "unknot: could not save the settings: " << *error << '\n';
    }
  }
  if (const auto waiting = std::exchange(m_afterNotice, std::nullopt))
    start(*waiting->first, waiting->second);
}

void GuiApp::endSession() {
  const bool had = m_session != nullptr;
  m_thermal.reset();  // it drives the session's engine: it goes first
  m_session.reset();
  // The library's banner follows the record (a new day, a check-in made elsewhere).
  if (had && !m_frozenClock) {
    m_progress.refreshWarnings();
    refreshToday();  // a session can end a flare-free week's last day, or follow a new plan
  }
}

void GuiApp::startSession(const Plan& asWritten, Millis at) {
  m_stopQuestion.dismiss();
  // Made before endSession: "Again" passes the plan of the session that ends here.
  const Plan plan = atTodaysDose(asWritten);
  endSession();  // a previous run records its end before the next one starts
  GuiSession::Options options;
  options.timeScale = m_options.timeScale;
  options.frozenClock = m_frozenClock;
  options.makeSink = m_frozenClock ? nullptr : &m_options.makeSessionSink;
  if (m_today.fromPlan && !isThermalPlan(plan)) options.level = toString(plan.level);
  options.poses = poses();
  options.reducedMotion = m_options.settings && m_options.settings->display.reducedMotion;
  m_session = std::make_unique<GuiSession>(plan, options);
  m_window.setTitle(plan.name + " \xE2\x80\x94 unknot");
  m_seenPhaseStarts = 0;
  if (isThermalPlan(plan)) {
    GuiThermal::Options thermal{m_options.timeScale, m_frozenClock, m_window.handle()};
    m_thermal = std::make_unique<GuiThermal>(*m_session, thermal);
    m_thermal->start(at);  // resumes a stored cycle, or waits for a long one to be confirmed
  } else {
    m_session->start(at);
  }
  if (m_frozenClock) m_seenPhaseStarts = m_session->phaseStarts();  // no flash in stills
}

void GuiApp::applyPlayerIntent(PlayerIntent intent) {
  if (intent != PlayerIntent::None) m_stopQuestion.dismiss();  // a click answers it too
  switch (intent) {
    case PlayerIntent::None:
      return;
    case PlayerIntent::Again:
      startSession(m_session->plan(), Millis(0));
      return;
    case PlayerIntent::Library:
      endSession();
      m_window.setTitle("unknot");
      return;
    case PlayerIntent::CheckIn:
      endSession();  // over already; its record is complete
      m_window.setTitle("unknot");
      m_progress.open(GuiProgress::Screen::Checkin, true);
      return;
    default:
      if (const auto command = sessionCommandFor(intent)) runCommand(*command);
      return;
  }
}

void GuiApp::runCommand(SessionCommand command) {
  if (!m_session) return;
  if (command == SessionCommand::Restart) m_session->resetTally();
  SessionControls controls{m_session->engine(), m_thermal ? &m_thermal->run() : nullptr, {}, {}};
  if (m_options.toggleMute) controls.toggleMute = [this] { toggleMute(); };
  controls.speak = m_options.speak;
  applySessionCommand(controls, command);
}

void GuiApp::startRequestedRoutine() {
  const auto id = m_progress.takeStartRequest();
  if (!id || !library()) return;
  const LibraryEntry* entry = library()->find(*id);
  if (entry && entry->plan) startSession(*entry->plan, Millis(0));
}

void GuiApp::openFile(const std::filesystem::path& file) {
  static const RoutineLibrary kEmpty;
  // Checked as `unknot import` checks it: pose names against the poses the window draws.
  LoaderOptions loader{m_options.paths.assetsDir, std::nullopt};
  if (poses()) loader.poseIds = poseIdsOf(*poses());
  m_open.emplace(file, m_options.paths, library() ? *library() : kEmpty, loader);
}

void GuiApp::drawOpenFile(std::span<const UiKey> keys) {
  switch (m_open->apply(drawOpenRoutineView(m_open->model(), m_fonts.fonts(), keys))) {
    case GuiOpen::Outcome::Stay:
      return;
    case GuiOpen::Outcome::Imported:
      // The screen stays to say where it went; the library behind it shows the routine.
      reloadLibrary(false);
      m_libraryState.selectedId = m_open->importedId();
      return;
    case GuiOpen::Outcome::TryOnce: {
      const Plan plan = *m_open->tryPlan();
      m_open.reset();
      start(plan, Millis(0));
      return;
    }
    case GuiOpen::Outcome::Close:
      m_open.reset();
      return;
  }
}

const RoutineLibrary* GuiApp::library() const {
  return m_reloaded ? &m_reloaded->routines : m_options.library;
}

const figure::PoseLibrary* GuiApp::poses() const {
  return m_reloaded ? &m_reloaded->poses : m_options.poses;
}

// Only on the library screen: a running session's plan lives in the library.
void GuiApp::reloadLibrary(bool onlyIfChanged) {
  if (!m_options.reloadLibrary || m_session || m_progress.isOpen()) return;
  std::string stamp = routineFilesStamp(routineDirsOf(m_options));
  if (onlyIfChanged && stamp == m_libraryStamp) return;
  m_libraryStamp = std::move(stamp);
  m_reloaded = m_options.reloadLibrary();
  m_library = libraryModelOf(m_options, library(), poses(), m_today);
  ++m_libraryRevision;
}

void GuiApp::drawViews(std::span<const UiKey> allKeys) {
  const UiFonts& fonts = m_fonts.fonts();
  std::vector<UiKey> keys;
  for (const UiKey key : allKeys) {
    if (key == UiKey::Reload || key == UiKey::Focus) {
      reloadLibrary(key == UiKey::Focus);
      if (!m_session && !m_progress.isOpen() && !m_frozenClock) {
        m_progress.refreshWarnings();
        refreshToday();
      }
    } else {
      keys.push_back(key);
    }
  }
  // ? shows the keys of the screen underneath, which then draws without taking keys.
  if (m_keysShown || std::find(keys.begin(), keys.end(), UiKey::Help) != keys.end()) {
    const bool opening = !m_keysShown;
    m_keysShown = true;
    drawScreen({});
    if (drawKeyOverlay(keyScreen(), fonts, opening ? std::vector<UiKey>{} : keys))
      m_keysShown = false;
    return;
  }
  drawScreen(keys);
}

void GuiApp::drawScreen(std::span<const UiKey> keys) {
  const UiFonts& fonts = m_fonts.fonts();
  if (m_notice) {
    if (drawFirstStartNotice(fonts, keys)) acknowledgeNotice();
    return;
  }
  if (m_settings.isOpen()) {
    drawSettings(keys);
    return;
  }
  if (m_open) {
    drawOpenFile(keys);
    return;
  }
  if (m_progress.isOpen()) {
    m_progress.draw(fonts, keys);
    // The plan editor, a flare or a check-in may have changed today's level or side.
    if (!m_progress.isOpen() || m_progress.revision() != m_progressSeen) {
      m_progressSeen = m_progress.revision();
      if (!m_frozenClock) refreshToday();
    }
    if (!m_progress.isOpen() && std::exchange(m_settingsAfterPlan, false)) m_settings.open();
    startRequestedRoutine();
    return;
  }
  if (!m_session) {
    const LibraryIntent intent =
        drawLibraryView(m_library, m_libraryState, fonts, keys, m_progress.warnings());
    if (intent.kind == LibraryIntent::Kind::Progress) {
      m_progress.open(GuiProgress::Screen::Progress);
      return;
    }
    if (intent.kind == LibraryIntent::Kind::Settings) {
      m_settings.open();
      return;
    }
    if (intent.kind != LibraryIntent::Kind::Start || !library()) return;
    const LibraryEntry* entry = library()->find(intent.routineId);
    if (!entry || !entry->plan) return;
    // The day's first routine asks how it feels first (Esc skips it); any warning on the
    // record then shows its advice before the timer.
    if (!m_frozenClock && m_progress.offerBeforeSession(intent.routineId)) return;
    startSession(*entry->plan, Millis(0));
    return;
  }
  if (m_session->over()) {
    applyPlayerIntent(drawSummaryView(m_session->summaryModel(), fonts, keys));
    return;
  }
  // The heat/ice dialogs before a cycle starts use Esc to cancel: nothing to lose there yet.
  const bool underWay = !m_thermal || !m_thermal->awaitingConfirmation();
  const std::vector<UiKey> runKeys =
      underWay ? m_stopQuestion.filter(keys) : std::vector<UiKey>(keys.begin(), keys.end());
  if (!drawThermal(fonts, runKeys)) {
    PlayerModel model = m_session->playerModel(flashing(std::chrono::steady_clock::now()));
    model.muted = m_muted;
    applyPlayerIntent(drawPlayerView(model, fonts, runKeys));
  }
  if (m_session && !m_session->over() && drawStopQuestion(m_stopQuestion, fonts))
    runCommand(SessionCommand::Stop);
}

void GuiApp::drawSettings(std::span<const UiKey> keys) {
  const GuiSettings::Outcome outcome = m_settings.draw(m_fonts.fonts(), keys);
  // The screen's Sound switch and the M key are one setting.
  if (m_muted && m_options.settings) m_muted = m_options.settings->audio.muted;
  switch (outcome) {
    case GuiSettings::Outcome::Stay:
    case GuiSettings::Outcome::Close:
      return;
    case GuiSettings::Outcome::NoticeAgain:
      m_notice = true;  // over the settings, which show again once it is acknowledged
      return;
    case GuiSettings::Outcome::EditDayStart:
      m_settings.close();
      m_settingsAfterPlan = true;
      m_progress.open(GuiProgress::Screen::Plan);
      return;
  }
}

// Follows drawScreen's order: the screen on top decides.
KeyScreen GuiApp::keyScreen() const {
  if (m_notice) return KeyScreen::Notice;
  if (m_settings.isOpen()) return KeyScreen::Settings;
  if (m_open) return KeyScreen::OpenRoutine;
  if (m_progress.isOpen()) {
    switch (m_progress.screen()) {
      case GuiProgress::Screen::Checkin:
        return KeyScreen::Checkin;
      case GuiProgress::Screen::Plan:
        return KeyScreen::PlanEditor;
      case GuiProgress::Screen::StartAdvice:
        return m_progress.startAdvice().urgent() ? KeyScreen::UrgentAdvice : KeyScreen::StartAdvice;
      case GuiProgress::Screen::Urgent:
        return KeyScreen::UrgentAdvice;
      default:
        return KeyScreen::Progress;
    }
  }
  if (!m_session) return KeyScreen::Library;
  if (m_session->over()) return KeyScreen::Summary;
  if (m_thermal && m_thermal->awaitingConfirmation())
    return m_thermal->confirmingLong() ? KeyScreen::ThermalConfirm : KeyScreen::ThermalResume;
  if (m_stopQuestion.asking()) return KeyScreen::StopQuestion;
  return m_thermal ? KeyScreen::Thermal : KeyScreen::Player;
}

// Heat/ice sessions show the thermal player (and the long-application confirmation).
bool GuiApp::drawThermal(const UiFonts& fonts, std::span<const UiKey> keys) {
  if (!m_thermal) return false;
  const GuiThermal::Outcome outcome = m_thermal->draw(fonts, keys, m_muted);
  if (outcome.cancelled) {
    applyPlayerIntent(PlayerIntent::Library);
  } else if (outcome.command) {
    runCommand(*outcome.command);
  } else if (outcome.player != PlayerIntent::None) {
    applyPlayerIntent(outcome.player);
  }
  return true;
}

void GuiApp::renderFrame(std::span<const UiKey> keys, bool present) {
  const bool restyle = m_look.apply();  // a settings change while the window is open
  const float scale = static_cast<float>(m_look.scale());
  if (m_fonts.ensure(m_window.contentScale(), m_window.size(), scale)) {
    m_window.uploadFontAtlas();
    m_fonts.releaseBuildData();
    malloc_trim(0);  // hand the atlas build's scratch memory back to the system
    applyTheme(ImGui::GetStyle(), m_fonts.sizes().body);
    if (m_frames == 0) traceStep(m_options.trace, "fonts");
  } else if (restyle) {
    applyTheme(ImGui::GetStyle(), m_fonts.sizes().body);
  }
  // Tab and the arrows move between controls on the settings screen only: elsewhere the
  // arrows, Space and Enter are the screen's own keys.
  ImGuiIO& io = ImGui::GetIO();
  if (m_settings.isOpen() && !m_notice) {
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  } else {
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
  }
  m_window.beginFrame();
  drawViews(keys);
  m_reminders.draw(m_fonts.fonts());
  if (m_frames == 0) traceStep(m_options.trace, "drawn");
  m_window.endFrame(present, background());
  if (++m_frames == 1) reportFirstFrame();
  // Start-up (reading fonts, building the atlas, loading routines and the record) frees
  // megabytes that malloc would otherwise keep resident for the whole session; once the
  // second frame is out they are handed back, off the first frame's path.
  if (m_frames == 2) malloc_trim(0);
}

ImU32 GuiApp::background() const {
  if (!m_session || m_session->over()) return palette().background;
  if (m_thermal) return m_thermal->background();
  return playerBackground(m_session->playerModel(flashing(std::chrono::steady_clock::now())));
}

void GuiApp::reportFirstFrame() {
  if (!m_options.printStats) return;
  traceStep(m_options.trace, "first_frame");
  if (m_options.trace) m_options.trace->print(std::cerr);
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::cerr << "gui.first_frame_unix_ms " << std::chrono::duration_cast<milliseconds>(now).count()
            << std::endl;
}

void GuiApp::noticePhaseChange(SteadyTime now) {
  if (!m_session || m_session->phaseStarts() == m_seenPhaseStarts) return;
  m_seenPhaseStarts = m_session->phaseStarts();
  if (!m_frozenClock && !reducedMotion()) m_flashUntil = now + kFlashLength;
}

GuiApp::FrameKey GuiApp::frameKey(SteadyTime now) const {
  FrameKey key;
  key.reminders = m_reminders.revision();
  key.askingStop = m_stopQuestion.asking();
  key.library = m_libraryRevision;
  key.notice = m_notice;
  key.warnings = m_progress.warnings().size();
  key.keys = m_keysShown;
  if (m_notice) return key;
  if (m_open) {
    key.opened = m_open->revision() + 1;
    return key;
  }
  if (m_settings.isOpen()) {
    key.settings = m_settings.revision() + 1;
    return key;
  }
  if (m_progress.isOpen()) {
    key.view = Screen::Progress;
    key.progress = m_progress.revision();
    return key;
  }
  if (!m_session) return key;
  const PlayerModel model = m_session->playerModel(false);
  key.view = m_session->over() ? Screen::Summary : Screen::Player;
  if (m_thermal) key.thermal = m_thermal->revision();
  key.state = model.snapshot.state;
  key.phase = model.snapshot.phaseIndex;
  if (key.view == Screen::Summary) return key;
  key.seconds = shownSeconds(model);
  key.rep = model.snapshot.currentRep;
  if (model.figure) key.figure = figureFrameKey(model.figure->frame);
  key.flash = flashing(now);
  return key;
}

std::optional<microseconds> GuiApp::untilNextChange(SteadyTime now) const {
  std::optional<microseconds> next;
  auto consider = [&next](microseconds span) {
    span = std::max(span, microseconds(0));
    next = next ? std::min(*next, span) : span;
  };
  if (m_session && !m_session->over()) {
    if (const auto session = m_session->untilNextChange()) consider(*session + kWakeSlack);
    if (m_thermal) {
      if (const auto thermal = m_thermal->untilNextChange()) consider(*thermal + kWakeSlack);
    }
  }
  if (const auto reminders = m_reminders.untilNextCheck(std::chrono::system_clock::now())) {
    consider(*reminders + kWakeSlack);
  }
  if (flashing(now)) {
    consider(std::chrono::duration_cast<microseconds>(m_flashUntil - now) + kWakeSlack);
  }
  if (m_options.exitAfter) {
    consider(std::chrono::duration_cast<microseconds>(m_started + *m_options.exitAfter - now));
  }
  return next;
}

int GuiApp::run() {
  using Clock = std::chrono::steady_clock;
  int burst = kFramesAfterInput;
  std::optional<FrameKey> last;
  while (!m_window.shouldClose()) {
    const SteadyTime now = Clock::now();
    if (m_options.exitAfter && now - m_started >= *m_options.exitAfter) break;
    if (m_session) m_session->update();
    if (m_thermal) m_thermal->tick();
    if (m_options.repeatRuns > 0 && m_session && m_session->over()) {
      if (++m_runsDone >= m_options.repeatRuns) break;
      startSession(m_session->plan(), Millis(0));  // the soak: the next run at once
    }
    m_reminders.check(std::chrono::system_clock::now());
    noticePhaseChange(now);
    m_look.zoom(m_window.takeZoomSteps());
    std::vector<UiKey> keys = m_window.takeKeys();
    if (ImGui::GetIO().WantTextInput) keys.clear();  // typing in the search box
    const bool damaged = m_window.takeDamage();
    const FrameKey key = frameKey(now);
    if (burst > 0 || damaged || !keys.empty() || !last || !(key == *last)) {
      // Remember the key from before the frame: an intent applied during the frame changes
      // the state, and the next pass then draws the result.
      last = key;
      if (!m_window.iconified()) renderFrame(keys, true);
      m_window.show();
      burst = std::max(0, burst - 1);
    }
    if (burst > 0) {
      glfwPollEvents();
    } else if (const auto timeout = untilNextChange(Clock::now())) {
      glfwWaitEventsTimeout(std::max(0.001, std::chrono::duration<double>(*timeout).count()));
    } else {
      glfwWaitEvents();
    }
    if (m_window.takeInput()) burst = kFramesAfterInput;
  }
  if (m_thermal) m_thermal->leave();  // closed mid-cycle: it stays resumable
  if (m_options.printStats) {
    const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
    std::cerr << "gui.frames " << m_frames << "\ngui.seconds " << seconds << std::endl;
  }
  return kExitOk;
}

int GuiApp::screenshot() {
  const ImVec2 size = m_window.framebufferSize();
  const int width = static_cast<int>(size.x), height = static_cast<int>(size.y);
  OffscreenTarget target(width, height);
  if (!target.complete()) {
    std::cerr << "unknot: --screenshot: cannot create an offscreen framebuffer\n";
    return kExitFailure;
  }
  for (int i = 0; i < kScreenshotFrames; ++i) renderFrame({}, false);
  if (const auto error = writePng(*m_options.screenshot, width, height, target.readPixels())) {
    std::cerr << "unknot: --screenshot: " << *error << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace unknot
