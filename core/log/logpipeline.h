#pragma once

#include "log/linesplitter.h"
#include "log/logline.h"
#include "log/secretmasker.h"

#include <functional>
#include <span>
#include <vector>

namespace DeployDesk {

// What happens to the bytes of one stage between its pipes and the store:
// split per stream -> timestamp -> make valid UTF-8 -> mask secrets -> sink.
// A line longer than maxLineBytes is stored in pieces; the end of a piece that a secret
// may continue from (see SecretMasker::safeCut) goes into the next piece, so a value is
// masked wherever the line is cut (a piece may exceed maxLineBytes by that much).
class LogPipeline final
{
public:
    // The lines are handed over in order, those of one read together (up to kBatchLines a
    // call): a sink takes a lock or looks its stage up once per read, not once per line
    // (~4 % of a fast producer's run's CPU, docs/benchmarks.md §1). Each line is lent to the sink
    // for the call (no copy when it is valid UTF-8 and shows no secret): a sink that keeps it
    // copies it.
    using Sink = std::function<void(std::span<const LogLineRef> lines)>;
    static constexpr qsizetype kBatchLines = 1024;
    using Clock = std::function<qint64()>; // ms since epoch; tests inject a fake

    LogPipeline(SecretMasker masker, Sink sink, Clock clock = {},
                qsizetype maxLineBytes = LineSplitter::kDefaultMaxLineBytes);

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
    struct Stream
    {
        explicit Stream(qsizetype maxLineBytes)
            : splitter(maxLineBytes)
        {}
        LineSplitter splitter;
        QByteArray carry; // the end of the last piece of a cut line, put before the next
    };

    void emitLine(LogStream stream, QByteArrayView line, qint64 timestampMs);
    void emitPiece(Stream &state, LogStream stream, QByteArrayView piece, bool continues,
                   qint64 timestampMs);
    void feedStream(Stream &state, LogStream stream, QByteArrayView chunk, bool finish);
    void flushBatch();

    SecretMasker m_masker;
    Sink m_sink;
    Clock m_clock;
    qsizetype m_maxLineBytes;
    Stream m_stdout;
    Stream m_stderr;
    Stream m_system; // feed(LogStream::System, ...)
    // The lines not handed to the sink yet: views of m_chunk (the bytes being fed) or of
    // m_owned (lines that changed, or that began in an earlier chunk).
    std::vector<LogLineRef> m_batch;
    std::vector<QByteArray> m_owned;
    QByteArrayView m_chunk;
};

} // namespace DeployDesk
