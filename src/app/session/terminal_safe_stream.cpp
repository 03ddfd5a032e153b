#include "app/session/terminal_safe_stream.hpp"

#include "core/safe_text.hpp"

namespace unknot {

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  std::string text;
  if (m_pendingC2) {
    m_pendingC2 = false;
    text = terminalSafe(std::string{'\xC2', byte});
  } else if (static_cast<unsigned char>(byte) == 0xC2) {
    m_pendingC2 = true;  // decide with the next byte
    return c;
  } else {
    text = terminalSafe(std::string(1, byte));
  }
  const auto size = static_cast<std::streamsize>(text.size());
  return m_target->sputn(text.data(), size) == size ? c : traits_type::eof();
}

int TerminalSafeBuf::sync() {
  if (m_pendingC2) {  // a lone C2 at a flush: pass it on, the next write starts afresh
    m_pendingC2 = false;
    m_target->sputc('\xC2');
  }
  return m_target->pubsync();
}

TerminalSafeStreams::TerminalSafeStreams()
    : m_coutBuf(std::cout.rdbuf()),
      m_cerrBuf(std::cerr.rdbuf()),
      m_safeOut(m_coutBuf),
      m_safeErr(m_cerrBuf),
      m_raw(m_coutBuf) {
  std::cout.rdbuf(&m_safeOut);
  std::cerr.rdbuf(&m_safeErr);
}

TerminalSafeStreams::~TerminalSafeStreams() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(m_coutBuf);
  std::cerr.rdbuf(m_cerrBuf);
}

}  // namespace unknot
