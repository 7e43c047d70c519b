#pragma once

#include "log/linesplitter.h"
#include "log/logline.h"
#include "log/secretmasker.h"

#include <functional>

namespace DeployDesk {

// What happens to the bytes of one stage between its pipes and the store:
// split per stream -> timestamp -> make valid UTF-8 -> mask secrets -> sink.
class LogPipeline final
{
public:
    using Sink = std::function<void(LogLine &&line)>;
    using Clock = std::function<qint64()>; // ms since epoch; tests inject a fake

    LogPipeline(SecretMasker masker, Sink sink, Clock clock = {});

    void feed(LogStream stream, QByteArrayView chunk);
    // A line from DeployDesk itself (attempt started, timed out, exit code ...).
    void system(const QString &message);
    // End of both streams: emits partial lines.
    void finish();

    const SecretMasker &masker() const { return m_masker; }

    // Returns `bytes` unchanged when it is valid UTF-8, else with U+FFFD for each
    // invalid sequence.
    static QByteArray toValidUtf8(QByteArrayView bytes);

private:
    void emitLine(LogStream stream, QByteArrayView line, qint64 timestampMs);
    void feedSplitter(LineSplitter &splitter, LogStream stream, QByteArrayView chunk, bool finish);

    SecretMasker m_masker;
    Sink m_sink;
    Clock m_clock;
    LineSplitter m_stdout;
    LineSplitter m_stderr;
    LineSplitter m_system; // feed(LogStream::System, ...)
};

} // namespace DeployDesk
