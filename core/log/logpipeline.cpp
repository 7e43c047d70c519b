#include "log/logpipeline.h"

#include "log/utf8.h"

#include <QDateTime>

namespace DeployDesk {

LogPipeline::LogPipeline(SecretMasker masker, Sink sink, Clock clock)
    : m_masker(std::move(masker))
    , m_sink(std::move(sink))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

void LogPipeline::feed(LogStream stream, QByteArrayView chunk)
{
    LineSplitter &splitter = stream == LogStream::Stderr   ? m_stderr
                             : stream == LogStream::System ? m_system
                                                           : m_stdout;
    feedSplitter(splitter, stream, chunk, false);
}

void LogPipeline::system(const QString &message)
{
    const QByteArray utf8 = message.toUtf8();
    if (utf8.isEmpty()) {
        emitLine(LogStream::System, {}, m_clock());
        return;
    }
    LineSplitter splitter;
    feedSplitter(splitter, LogStream::System, utf8, true);
}

void LogPipeline::finish()
{
    feedSplitter(m_stdout, LogStream::Stdout, {}, true);
    feedSplitter(m_stderr, LogStream::Stderr, {}, true);
    feedSplitter(m_system, LogStream::System, {}, true);
}

void LogPipeline::feedSplitter(LineSplitter &splitter, LogStream stream, QByteArrayView chunk,
                               bool finish)
{
    // Every line one read completes was complete at the same moment: read the clock
    // once per read, when its first line completes (a clock read per line was a fifth
    // of the cost of the whole pipeline).
    qint64 timestampMs = 0;
    bool haveTime = false;
    const auto onLine = [&](QByteArrayView line) {
        if (!haveTime) {
            timestampMs = m_clock();
            haveTime = true;
        }
        emitLine(stream, line, timestampMs);
    };
    if (!chunk.isEmpty())
        splitter.feed(chunk, onLine);
    if (finish)
        splitter.finish(onLine);
}

QByteArray LogPipeline::toValidUtf8(QByteArrayView bytes)
{
    const qsizetype valid = Internal::validUtf8Prefix(bytes);
    if (valid == bytes.size())
        return bytes.toByteArray();
    QByteArray out;
    out.reserve(bytes.size() + 16);
    out.append(bytes.first(valid));
    Internal::appendValidUtf8(out, bytes.sliced(valid));
    return out;
}

void LogPipeline::emitLine(LogStream stream, QByteArrayView line, qint64 timestampMs)
{
    LogLine logLine;
    logLine.timestampMs = timestampMs;
    logLine.stream = stream;
    // One allocation for valid input; the masker shares it back when nothing matches.
    logLine.text = m_masker.mask(toValidUtf8(line));
    m_sink(std::move(logLine));
}

} // namespace DeployDesk
