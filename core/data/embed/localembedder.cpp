#include "data/embed/localembedder.h"

#include "common/async.h"

#include <map>

#include <cmath>

namespace DeployDesk::Data {
namespace {

// Texts per unit of work on the thread pool (and per batchReady/progress).
constexpr int kBatch = 64;

// Weights of the three kinds of features.
constexpr float kWordWeight = 1.0f;
constexpr float kPairWeight = 0.5f;
constexpr float kTrigramWeight = 0.35f;
// Character trigrams are taken from at most this many characters of a word.
constexpr int kMaxTrigramWord = 32;

quint64 fnv1a(quint64 hash, QByteArrayView bytes)
{
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

constexpr quint64 kFnvBasis = 0xcbf29ce484222325ULL;

// A feature: a kind tag and its text, hashed together.
quint64 featureHash(char kind, const QString &text)
{
    const char tag[2] = {kind, ':'};
    return fnv1a(fnv1a(kFnvBasis, QByteArrayView(tag, 2)), text.toUtf8());
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

QStringList words(const QString &normalized)
{
    QStringList out;
    QString current;
    for (const QChar c : normalized) {
        if (isWordChar(c)) {
            current.append(c);
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

// The local embedder's job: batches of texts on the global thread pool, one after the other.
class LocalEmbedJob final : public EmbedJob
{
public:
    LocalEmbedJob(QStringList texts, InputType type, int dimension, QObject *parent)
        : EmbedJob(std::move(texts), type, dimension, parent)
    {}
    ~LocalEmbedJob() override { cancelPending(this); }

protected:
    void startEmbedding() override { next(); }
    void textsAppended() override
    {
        if (!m_busy)
            next();
    }
    void stopEmbedding() override { cancelPending(this); }
    void doCancel() override
    {
        cancelPending(this);
        emitCancelled();
    }

private:
    // One batch at a time; an open job's texts appended meanwhile are taken up after it.
    void next()
    {
        m_busy = false;
        if (m_next >= total() || isFinished())
            return;
        const int first = m_next;
        const int count = std::min(kBatch, total() - first);
        m_next += count;
        m_busy = true;
        const QStringList slice = texts().mid(first, count);
        const int dimension = this->dimension();
        runAsync(
            this,
            [slice, dimension] {
                QList<Embedding> vectors;
                vectors.reserve(slice.size());
                for (const QString &text : slice)
                    vectors.append(LocalEmbedder::embedText(text, dimension));
                return vectors;
            },
            [this, first](QList<Embedding> vectors) {
                deliver(first, std::move(vectors));
                next();
            });
    }

    int m_next = 0;      // first text not yet handed to a batch
    bool m_busy = false; // a batch is being embedded
};

} // namespace

LocalEmbedder::LocalEmbedder(int dimension)
    : m_dimension(std::clamp(dimension, kMinDimension, kMaxDimension))
{}

EmbedderInfo LocalEmbedder::info() const
{
    return EmbedderInfo{QStringLiteral("local"), QString::fromLatin1(kModel), m_dimension,
                        QStringLiteral("Cosine")};
}

EmbedJob *LocalEmbedder::embed(QStringList texts, InputType type, QObject *parent) const
{
    return new LocalEmbedJob(std::move(texts), type, m_dimension, parent);
}

Embedding LocalEmbedder::embedText(const QString &text, int dimension)
{
    const QString normalized = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    // Ordered: the floating-point sums below run in the same order on every run.
    std::map<quint64, std::pair<float, int>> counts; // feature → (weight, occurrences)
    auto add = [&counts](quint64 hash, float weight) {
        auto &entry = counts[hash];
        entry.first = weight;
        ++entry.second;
    };

    const QStringList tokens = words(normalized);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &word = tokens.at(i);
        add(featureHash('w', word), kWordWeight);
        if (i + 1 < tokens.size())
            add(featureHash('p', word + QLatin1Char(' ') + tokens.at(i + 1)), kPairWeight);
        const QString framed = QLatin1Char('^') + word.left(kMaxTrigramWord) + QLatin1Char('$');
        for (qsizetype j = 0; j + 3 <= framed.size(); ++j)
            add(featureHash('c', framed.mid(j, 3)), kTrigramWeight);
    }
    if (tokens.isEmpty()) {
        // Punctuation or symbols only: their characters' trigrams, so it is still a vector.
        const QString squeezed = normalized.simplified();
        for (qsizetype j = 0; j < squeezed.size(); ++j)
            add(featureHash('s', squeezed.mid(j, 3)), kTrigramWeight);
    }

    Embedding vector(dimension, 0.0f);
    for (const auto &[hash, entry] : counts) {
        const float value = entry.first * (1.0f + std::log(float(entry.second)));
        const float sign = (hash >> 63) ? -1.0f : 1.0f;
        vector[qsizetype((hash & 0x7fffffffffffffffULL) % quint64(dimension))] += sign * value;
    }
    double norm = 0;
    for (const float v : vector)
        norm += double(v) * v;
    norm = std::sqrt(norm);
    if (norm > 0) {
        for (float &v : vector)
            v = float(v / norm);
    }
    return vector;
}

} // namespace DeployDesk::Data
