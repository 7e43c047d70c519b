#include "log/logpipeline.h"

#include "log/utf8.h"

#include <QDateTime>

#include <functional>

namespace DeployDesk {

LogPipeline::LogPipeline(SecretMasker masker, Sink sink, Clock clock, qsizetype maxLineBytes)
    : m_masker(std::move(masker))
    , m_sink(std::move(sink))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_maxLineBytes(maxLineBytes)
    , m_stdout(maxLineBytes)
    , m_stderr(maxLineBytes)
    , m_system(maxLineBytes)
{}

void LogPipeline::feed(LogStream stream, QByteArrayView chunk)
{
    Stream &state = stream == LogStream::Stderr   ? m_stderr
                    : stream == LogStream::System ? m_system
                                                  : m_stdout;
    feedStream(state, stream, chunk, false);
}

void LogPipeline::system(const QString &message)
{
    const QByteArray utf8 = message.toUtf8();
    if (utf8.isEmpty()) {
        emitLine(LogStream::System, {}, m_clock());
        flushBatch();
        return;
    }
    Stream state(m_maxLineBytes);
    feedStream(state, LogStream::System, utf8, true);
}

void LogPipeline::flushBatch()
{
    if (!m_batch.empty())
        m_sink(std::span<const LogLineRef>(m_batch));
    m_batch.clear();
    m_owned.clear();
}

void LogPipeline::finish()
{
    feedStream(m_stdout, LogStream::Stdout, {}, true);
    feedStream(m_stderr, LogStream::Stderr, {}, true);
    feedStream(m_system, LogStream::System, {}, true);
}

void LogPipeline::feedStream(Stream &state, LogStream stream, QByteArrayView chunk, bool finish)
{
    // Every line one read completes was complete at the same moment: read the clock
    // once per read, when its first line completes (a clock read per line was a fifth
    // of the cost of the whole pipeline).
    qint64 timestampMs = 0;
    bool haveTime = false;
    const LineSplitter::PieceCallback onLine = [&](QByteArrayView line, bool continues) {
        if (!haveTime) {
            timestampMs = m_clock();
            haveTime = true;
        }
        if (!continues && state.carry.isEmpty())
            emitLine(stream, line, timestampMs); // the common case: a whole line
        else
            emitPiece(state, stream, line, continues, timestampMs);
    };
    m_chunk = chunk;
    if (!chunk.isEmpty())
        state.splitter.feed(chunk, onLine);
    if (finish) {
        state.splitter.finish(onLine);
        if (!state.carry.isEmpty()) // the splitter always ends a cut line; just in case
            emitPiece(state, stream, {}, false, haveTime ? timestampMs : m_clock());
    }
    flushBatch();
    m_chunk = {};
}

void LogPipeline::emitPiece(Stream &state, LogStream stream, QByteArrayView piece, bool continues,
                            qint64 timestampMs)
{
    QByteArray text = std::move(state.carry);
    state.carry = QByteArray();
    text.append(piece);
    if (!continues) {
        emitLine(stream, text, timestampMs);
        return;
    }
    // Keep back what a secret (or a character, or an escape sequence) may continue from
    // in the next piece, and mask the rest now.
    const qsizetype cut = m_masker.safeCut(text);
    state.carry = text.sliced(cut);
    if (cut > 0)
        emitLine(stream, QByteArrayView(text).first(cut), timestampMs);
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
    // Lent to the sink as read: bytes are copied only when they must change (invalid
    // UTF-8, a secret). A copy of every line was 5 % of a fast producer's run.
    QByteArray changed;
    QByteArrayView text = line;
    if (Internal::validUtf8Prefix(line) != line.size()) {
        changed = toValidUtf8(line);
        text = changed;
    }
    if (QByteArray masked; m_masker.mask(text, &masked)) {
        changed = std::move(masked);
        text = changed;
    }
    // A line kept for the batch must outlive this call: one that changed, or that is not a
    // view of the chunk being fed (a line begun in an earlier read, a cut line's carry), is
    // kept here until the sink has had it. (A QByteArray keeps its bytes where they are when
    // the vector moves it.)
    const auto inChunk = [this](QByteArrayView v) {
        const std::less_equal<const char *> le;
        return le(m_chunk.data(), v.data()) &&
               le(v.data() + v.size(), m_chunk.data() + m_chunk.size());
    };
    if (!changed.isNull()) {
        m_owned.push_back(std::move(changed));
        text = m_owned.back();
    } else if (!text.isEmpty() && !inChunk(text)) {
        m_owned.push_back(text.toByteArray());
        text = m_owned.back();
    }
    m_batch.push_back(LogLineRef{timestampMs, stream, text});
    if (qsizetype(m_batch.size()) >= kBatchLines)
        flushBatch();
}

} // namespace DeployDesk
