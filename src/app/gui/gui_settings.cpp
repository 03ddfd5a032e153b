#include "app/gui/gui_settings.hpp"

#include "app/session/locale_calendar.hpp"
#include "core/recovery/logical_day.hpp"
#include "store/store.hpp"
#include "ui/settings_view.hpp"

namespace unknot {

GuiSettings::GuiSettings(Options options) : m_options(std::move(options)) {}

void GuiSettings::open() {
  m_open = true;
  ++m_revision;
  m_model = {};
  if (m_options.settings) m_model.settings = *m_options.settings;
  m_model.canSave = !m_options.path.empty();
  m_model.fileErrors = m_options.fileErrors;
  if (m_model.canSave) m_model.fileErrors.clear();
  if (!m_model.canSave && m_model.fileErrors.empty())
    m_model.fileErrors.push_back("no settings folder: neither XDG_CONFIG_HOME nor HOME is set");
  m_model.hasSound = static_cast<bool>(m_options.applyAudio);
  if (m_options.listVoices) {
    auto [backend, voices] = m_options.listVoices(m_model.settings.audio.speechDispatcher);
    m_model.voiceBackend = std::move(backend);
    m_model.voices = std::move(voices);
  } else {
    m_model.voiceBackend = "espeak-ng";
  }
  m_model.localeWeekday = localeFirstWeekday();
  if (m_options.backgroundStatus) {
    auto [on, text] = m_options.backgroundStatus();
    m_model.backgroundReminders = on;
    m_model.backgroundText = std::move(text);
  }
  if (m_options.dataDir && !m_options.dataDir->path.empty()) {
    try {
      // Read-only: opening Settings creates, migrates and closes nothing in the record.
      m_model.dayStartHour = Store(m_options.dataDir->path, Store::Access::ReadOnly).dayStartHour();
    } catch (const std::exception&) {  // no record yet: no plan, so the default hour holds
      m_model.dayStartHour = kDefaultDayStartHour;
    }
  }
}

GuiSettings::Outcome GuiSettings::draw(const UiFonts& fonts, std::span<const UiKey> keys) {
  return apply(drawSettingsView(m_model, fonts, keys));
}

GuiSettings::Outcome GuiSettings::apply(const SettingsIntent& intent) {
  switch (intent.kind) {
    case SettingsIntent::Kind::None:
      return Outcome::Stay;
    case SettingsIntent::Kind::Close:
      m_open = false;
      return Outcome::Close;
    case SettingsIntent::Kind::TestVoice:
      if (m_options.speak) m_options.speak(voiceSample(m_model.settings.audio));
      return Outcome::Stay;
    case SettingsIntent::Kind::NoticeAgain:
      return Outcome::NoticeAgain;
    case SettingsIntent::Kind::EditDayStart:
      return Outcome::EditDayStart;
    case SettingsIntent::Kind::BackgroundReminders:
      if (m_options.setBackground) {
        auto [on, text] = m_options.setBackground(intent.backgroundOn);
        m_model.backgroundReminders = on;
        m_model.backgroundText = std::move(text);
      }
      return Outcome::Stay;
    case SettingsIntent::Kind::Changed:
      break;
  }
  ++m_revision;
  const bool voicesChanged =
      intent.settings.audio.speechDispatcher != m_model.settings.audio.speechDispatcher;
  m_model.settings = intent.settings;
  if (m_options.settings) *m_options.settings = intent.settings;
  if (m_options.applyAudio) m_options.applyAudio(intent.settings.audio);
  if (voicesChanged && m_options.listVoices) {
    auto [backend, voices] = m_options.listVoices(intent.settings.audio.speechDispatcher);
    m_model.voiceBackend = std::move(backend);
    m_model.voices = std::move(voices);
  }
  // A slider being dragged is saved once, when it is let go.
  if (intent.commit && m_model.canSave) {
    const auto error = saveSettings(intent.settings, m_options.path);
    m_model.saveError = error.value_or("");
  }
  return Outcome::Stay;
}

}  // namespace unknot
