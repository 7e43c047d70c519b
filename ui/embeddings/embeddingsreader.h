#pragma once

#include "common/error.h"
#include "common/serialthread.h"
#include "config/pipeline.h"
#include "data/index/indextypes.h"
#include "data/reembed/reembedjob.h"

#include <QObject>

#include <functional>
#include <optional>

namespace DeployDesk::Ui {

// One version of the index, as `deploydeskctl index versions` lists it.
struct IndexVersionRow
{
    int version = 0;
    bool live = false;
    qint64 points = 0;
    int dimension = 0;
    QString model;
};

// What the Embeddings view shows for an environment, read in one go: the index and its
// versions, and the plan of an incremental re-embed against the live version (the figures
// of `deploydeskctl reembed --dry-run`).
struct EmbeddingsSnapshot
{
    QString error;    // why nothing (or only part) could be read; empty when all was
    QString stage;    // the pipeline's reembed stage
    QString index;    // "docs (local, /path)"
    QString docsRoot; // the docs folder
    int goldenQuestions = 0;
    QList<IndexVersionRow> versions; // newest first
    std::optional<int> live;
    bool planned = false;   // `plan` holds the dry run's result
    Data::ReembedPlan plan; // against the live version
    QStringList planLines;  // ReembedJob::describe(plan): the dry run's own lines
};

// A golden question asked of a version: did its page come back in the top k?
struct GoldenResult
{
    QString question;
    QString expected;
    int line = 0;
    bool passed = false;
    QStringList found; // the hits' pages with their scores, best first
};

// The Embeddings view's way to the index, the embedder and the docs: the very core the CLI
// uses (reembedStageOf, ReembedStageOptions, ReembedJob's dry run, the index's and the
// embedder's jobs), all of it on a thread of its own, so the GUI thread never waits on
// SQLite, a file scan or the network. Each answer comes on the GUI thread, only while
// `context` lives.
class EmbeddingsReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddingsReader)

public:
    struct Where
    {
        Pipeline pipeline;
        QString environment;
        QString dataDir; // the history's folder: the default index folder is under it
    };

    explicit EmbeddingsReader(QObject *parent = nullptr);
    ~EmbeddingsReader() override;

    void inspect(QObject *context, const Where &where,
                 std::function<void(const EmbeddingsSnapshot &)> done);
    // The top `top` hits of `question` against `version` (nullopt: the live one).
    void query(QObject *context, const Where &where, const QString &question,
               std::optional<int> version, int top,
               std::function<void(const Result<QList<Data::IndexHit>> &)> done);
    // The workspace's golden questions asked of `version`, each in the stage's top-k.
    void validate(QObject *context, const Where &where, int version,
                  std::function<void(const Result<QList<GoldenResult>> &)> done);

private:
    template<typename T>
    void later(QObject *context, std::function<void(std::function<void(T)>)> work,
               std::function<void(const T &)> done);

    SerialThread m_thread;
    QObject *m_owner = nullptr; // on m_thread: parents the jobs
};

} // namespace DeployDesk::Ui
