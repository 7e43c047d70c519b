#pragma once

#include "common/job.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace DeployDesk::Data {

// One vector per text.
using Embedding = QList<float>;

// What a text is embedded for. Cohere embeds them differently (input_type search_document or
// search_query); the local embedder ignores it.
enum class InputType { Document, Query };

// "document", "query".
QString inputTypeName(InputType type);

// Embedding a list of texts, as a Job (common/job.h: start() only schedules, result() once,
// cancel is not failure).
//
// - batchReady(first, vectors) announces the vectors of texts [first, first + n) as soon as
//   their batch is done. Batches may finish out of order; every text is announced exactly
//   once, even when a batch was retried. A caller can store each batch as it comes (the
//   re-embed upserts and commits per batch, so a cancelled run keeps what it paid for).
// - progress(done, total) follows each batch: texts embedded so far, of all.
// - After Success, vectors() holds one vector per text, in the order of texts(), each of the
//   embedder's dimension.
// - Failed: the Error says which texts (1-based range) the provider refused, in its words.
//   An empty or blank text fails the job before anything is sent.
// - An open job (setOpen(true) before start()) takes more texts while it runs: append() adds
//   them after those it has (they are embedded like the first, indexes continuing), and
//   closeInput() says there are no more. It succeeds only once closed, every text with its
//   vector. A caller streams texts into it as it makes them (the re-embed, as the docs are
//   chunked), so the first calls need not wait for the last text.
class EmbedJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbedJob)

public:
    EmbedJob(QStringList texts, InputType type, int dimension, QObject *parent = nullptr);
    ~EmbedJob() override;

    const QStringList &texts() const { return m_texts; }
    InputType inputType() const { return m_type; }
    int dimension() const { return m_dimension; }
    int total() const { return int(m_texts.size()); }
    int done() const { return m_done; }
    const QList<Embedding> &vectors() const { return m_vectors; }

    void setOpen(bool open) { m_open = open; }
    bool isInputClosed() const { return !m_open; }
    // Adds texts to an open job (ignored once the job is finished); an empty or blank one
    // fails the job. Then closeInput(), once.
    void append(const QStringList &texts);
    void closeInput();

signals:
    void batchReady(int first, const QList<DeployDesk::Data::Embedding> &vectors);
    void progress(int done, int total);

protected:
    // Subclasses start here after the texts were checked (never called for an empty list:
    // that job succeeds at once).
    virtual void startEmbedding() = 0;
    // An open job's texts grew (append()) or its input was closed (closeInput()), while it
    // runs: the subclass embeds what it held back.
    virtual void textsAppended() {}
    // The job is failing while it runs (a blank text appended): stop what is under way.
    virtual void stopEmbedding() {}
    // Stores the vectors of texts [first, first + vectors.size()) and announces them. Fails
    // the job (Internal) when they overlap texts already delivered or have the wrong
    // dimension: a bug, never silently kept. Succeeds the job when every text has its vector.
    void deliver(int first, QList<Embedding> vectors);
    // "texts 97–192 of 500" (1-based, for messages).
    QString describeRange(int first, int count) const;

private:
    void doStart() final;
    qsizetype firstBlank(qsizetype from) const; // -1: none
    void failBlank(qsizetype index);
    void finishWhenDone();

    QStringList m_texts;
    bool m_open = false;
    bool m_embedding = false; // startEmbedding() was called
    InputType m_type = InputType::Document;
    int m_dimension = 0;
    QList<Embedding> m_vectors;
    QList<bool> m_have;
    int m_done = 0;
};

} // namespace DeployDesk::Data

Q_DECLARE_METATYPE(DeployDesk::Data::Embedding)
