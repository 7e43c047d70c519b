#include "data/embed/embedjob.h"

#include "data/embed/embedder.h"

namespace DeployDesk::Data {

QString inputTypeName(InputType type)
{
    return type == InputType::Query ? QStringLiteral("query") : QStringLiteral("document");
}

QString EmbedderInfo::describe() const
{
    return EmbedJob::tr("%1 %2 (%3 dimensions)").arg(provider, model).arg(dimension);
}

EmbedJob::EmbedJob(QStringList texts, InputType type, int dimension, QObject *parent)
    : Job(parent)
    , m_texts(std::move(texts))
    , m_type(type)
    , m_dimension(dimension)
{
    m_vectors.resize(m_texts.size());
    m_have.resize(m_texts.size(), false);
}

EmbedJob::~EmbedJob() = default;

QString EmbedJob::describeRange(int first, int count) const
{
    if (count == 1)
        return tr("text %1 of %2").arg(first + 1).arg(total());
    return tr("texts %1–%2 of %3").arg(first + 1).arg(first + count).arg(total());
}

qsizetype EmbedJob::firstBlank(qsizetype from) const
{
    for (qsizetype i = from; i < m_texts.size(); ++i) {
        if (m_texts.at(i).trimmed().isEmpty())
            return i;
    }
    return -1;
}

void EmbedJob::failBlank(qsizetype index)
{
    emitFailure(makeErrorValue(ErrorCode::Invalid,
                               tr("%1 is empty; an embedder needs some text (drop empty chunks "
                                  "before embedding)")
                                   .arg(describeRange(int(index), 1))));
}

void EmbedJob::doStart()
{
    if (const qsizetype blank = firstBlank(0); blank >= 0)
        return failBlank(blank);
    if (m_texts.isEmpty() && !m_open) {
        emit progress(0, 0);
        emitSuccess();
        return;
    }
    m_embedding = true;
    startEmbedding();
}

void EmbedJob::append(const QStringList &texts)
{
    Q_ASSERT(m_open);
    if (isFinished() || !m_open || texts.isEmpty())
        return;
    const qsizetype from = m_texts.size();
    m_texts.append(texts);
    m_vectors.resize(m_texts.size());
    m_have.resize(m_texts.size(), false);
    if (isCancelRequested())
        return;
    if (!m_embedding)
        return; // doStart() checks them all
    if (const qsizetype blank = firstBlank(from); blank >= 0) {
        stopEmbedding();
        return failBlank(blank);
    }
    textsAppended();
}

void EmbedJob::closeInput()
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_embedding || isFinished() || isCancelRequested())
        return; // doStart() sees a closed job
    finishWhenDone();
    if (!isFinished())
        textsAppended(); // what was held back for a full batch goes now
}

void EmbedJob::finishWhenDone()
{
    if (m_done == total() && !m_open && !isFinished() && !isCancelRequested())
        emitSuccess();
}

void EmbedJob::deliver(int first, QList<Embedding> vectors)
{
    if (isFinished())
        return;
    const int count = int(vectors.size());
    if (first < 0 || count <= 0 || first + count > total()) {
        emitFailure(
            makeErrorValue(ErrorCode::Internal, tr("vectors for texts %1–%2 do not fit %3 texts")
                                                    .arg(first + 1)
                                                    .arg(first + count)
                                                    .arg(total())));
        return;
    }
    for (int i = 0; i < count; ++i) {
        if (m_have.at(first + i)) {
            emitFailure(makeErrorValue(
                ErrorCode::Internal, tr("%1 was embedded twice").arg(describeRange(first + i, 1))));
            return;
        }
        if (vectors.at(i).size() != m_dimension) {
            emitFailure(makeErrorValue(ErrorCode::Remote,
                                       tr("the vector of %1 has %2 dimensions, expected %3")
                                           .arg(describeRange(first + i, 1))
                                           .arg(vectors.at(i).size())
                                           .arg(m_dimension)));
            return;
        }
    }
    for (int i = 0; i < count; ++i) {
        m_have[first + i] = true;
        m_vectors[first + i] = vectors.at(i);
    }
    m_done += count;
    emit batchReady(first, vectors);
    if (isFinished()) // a receiver cancelled
        return;
    emit progress(m_done, total());
    finishWhenDone();
}

} // namespace DeployDesk::Data
