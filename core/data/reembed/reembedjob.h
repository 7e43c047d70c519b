#pragma once

#include "common/job.h"
#include "data/corpus/chunkmanifest.h"
#include "data/corpus/docscorpus.h"
#include "data/corpus/manifestdiff.h"
#include "data/corpus/markdownchunker.h"
#include "data/embed/embedder.h"
#include "data/index/vectorindex.h"
#include "data/reembed/goldenquestions.h"

#include <QHash>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace DeployDesk::Data {

struct ReembedOptions
{
    enum class Mode { Incremental, Full };

    QString docsRoot;
    CorpusOptions corpus;
    ChunkerOptions chunker;
    Mode mode = Mode::Incremental;
    // Where the manifests of the index versions (<index>_v<N>.manifest.sqlite) and the state
    // of an unfinished rebuild (<index>.reembed.json) are kept.
    QString stateDir;
    QList<GoldenQuestion> golden;
    int topK = 5;
    int batchSize = 64; // chunks per embed-upsert-commit step
};

// What a re-embed will do (or did): the diff against the version it builds on.
struct ReembedPlan
{
    ReembedOptions::Mode mode = ReembedOptions::Mode::Incremental;
    std::optional<int> live; // the live version before
    int target = 0;          // the version written
    bool newVersion = false; // a version created for this run (full rebuild)
    bool resumed = false;    // continues an unfinished rebuild of `target`
    ManifestDiff diff;       // against the manifest of `target` as it was committed
    int chunks = 0;          // of the docs now
    int docs = 0;            // docs found (chunked or not)
    qint64 tokens = 0;       // estimated tokens of all the chunks of the docs now
    QList<Error> problems;   // docs left out or warned about
};

// Re-embeds the docs of a folder into a versioned vector index.
//
//   incremental  embeds only the new and changed chunks into the live version, upserts them
//                and deletes the removed ones (a full rebuild when there is no live version)
//   full         builds the next version whole, validates it and makes it live (blue/green)
//
// Every batch is embedded, upserted and only then committed to the manifest of the version
// written (ChunkManifest::commit), so the manifest never lists a point the index lacks. A
// cancelled or killed run resumes where it stopped: the diff against the partly committed
// manifest is what is left (a rebuild records its version in <index>.reembed.json so the
// next run continues it instead of starting another). Ids are the chunks' UUIDv5 ids, so a
// batch upserted twice replaces its points: nothing is ever duplicated.
//
// The validation gate (before a switch, and after an in-place update): the version's point
// count equals its manifest, its dimension is the embedder's (every vector is checked finite
// and of that dimension before it is written), and each golden question finds its page in
// the top k. A failed gate leaves the live version as it was and fails the job naming the
// question, the page expected and what was found instead.
class ReembedJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReembedJob)

public:
    ReembedJob(std::shared_ptr<const Embedder> embedder, std::shared_ptr<const VectorIndex> index,
               ReembedOptions options, QObject *parent = nullptr);
    ~ReembedJob() override;

    // Only compute the plan (docs scanned and diffed, nothing embedded or written).
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }

    const ReembedPlan &plan() const { return m_plan; }
    int embedded() const { return m_embedded; } // chunks embedded and committed by this run
    int removed() const { return m_removed; }
    qint64 finalCount() const { return m_finalCount; }
    qint64 billedTokens() const { return m_billed; } // estimated tokens of what was embedded

    static QString manifestPath(const QString &stateDir, const QString &index, int version);
    static QString statePath(const QString &stateDir, const QString &index);
    // The plan's figures, one line per changed file and a summary, for logs and --dry-run.
    static QStringList describe(const ReembedPlan &plan);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Corpus;
    void fail(Error error);
    void onState(IndexJob *job);
    void onCorpus(Result<std::shared_ptr<Corpus>> corpus);
    void onStreamed(const QList<Chunk> &chunks);
    // The texts of m_plan.diff.toEmbed from `from` on, in its order (the embed job's indexes).
    QStringList textsToEmbed(qsizetype from) const;
    void chooseTarget();
    void readyTarget();
    void targetReady();
    void planned();
    void removeDeleted();
    void embedNext();
    void onBatch(int first, const QList<Embedding> &vectors);
    void upsertNext();
    void validate();
    void askGolden(int index);
    void finish();
    QString manifestFile() const;
    bool writeState();
    void log(const QString &line) { emit logLine(line); }
    template<typename J> J *track(J *job);

    std::shared_ptr<const Embedder> m_embedder;
    std::shared_ptr<const VectorIndex> m_index;
    ReembedOptions m_options;
    bool m_dryRun = false;
    QThreadPool m_pool;

    IndexState m_state;
    std::shared_ptr<Corpus> m_corpus;
    ReembedPlan m_plan;
    QString m_fingerprint;
    ChunkManifest m_previous; // of the version written, as committed before this run
    bool m_chunking = false;
    bool m_streaming = false; // a new version: chunks embedded as the docs are chunked
    bool m_targetReady = false;
    // The embedding of toEmbed, a batch at a time.
    int m_nextBatch = 0;
    QList<std::pair<int, QList<Embedding>>> m_ready; // embedded, waiting to be upserted
    int m_batchFirst = 0;
    int m_batchCount = 0;
    bool m_embedDone = false;
    int m_embedded = 0;
    int m_removed = 0;
    qint64 m_billed = 0;
    qint64 m_finalCount = 0;
    qint64 m_startedMs = 0;
    QPointer<Job> m_current;       // the index job running
    QPointer<EmbedJob> m_embedJob; // the embed job running
    bool m_upserting = false;
    std::unique_ptr<ChunkManifest::Writer> m_manifest; // of the version written
};

} // namespace DeployDesk::Data
