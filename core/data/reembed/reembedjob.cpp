#include "data/reembed/reembedjob.h"

#include "common/async.h"
#include "common/translate.h"
#include "data/corpus/chunkmanifest.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace DeployDesk::Data {

// The docs as chunked now: the manifest and each chunk's text by id.
struct ReembedJob::Corpus
{
    CorpusResult result;
    QHash<QUuid, Chunk> chunks;
};

ReembedJob::ReembedJob(std::shared_ptr<const Embedder> embedder,
                       std::shared_ptr<const VectorIndex> index, ReembedOptions options,
                       QObject *parent)
    : Job(parent)
    , m_embedder(std::move(embedder))
    , m_index(std::move(index))
    , m_options(std::move(options))
{
    // Chunking runs here (it fans out over the global pool itself).
    m_pool.setMaxThreadCount(1);
    // However the run ends, the manifest is closed (checkpointed, its -wal gone) before
    // anyone who waits for the result looks at it or starts the next run.
    connect(this, &Job::result, this, [this] { m_manifest.reset(); });
}

ReembedJob::~ReembedJob()
{
    m_pool.waitForDone();
}

QString ReembedJob::manifestPath(const QString &stateDir, const QString &index, int version)
{
    return QDir(stateDir).filePath(versionName(index, version) +
                                   QStringLiteral(".manifest.sqlite"));
}

QString ReembedJob::statePath(const QString &stateDir, const QString &index)
{
    return QDir(stateDir).filePath(index + QStringLiteral(".reembed.json"));
}

QString ReembedJob::manifestFile() const
{
    return manifestPath(m_options.stateDir, m_index->name(), m_plan.target);
}

template<typename J> J *ReembedJob::track(J *job)
{
    m_current = job;
    connect(job, &Job::logLine, this, &Job::logLine);
    return job;
}

void ReembedJob::fail(Error error)
{
    emitFailure(std::move(error));
}

void ReembedJob::doStart()
{
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    if (!QDir().mkpath(m_options.stateDir))
        return fail(makeErrorValue(ErrorCode::Io, tr("cannot create the folder %1 for the "
                                                     "index manifests")
                                                      .arg(m_options.stateDir)));
    IndexJob *job = track(m_index->state(this));
    connect(job, &Job::result, this, [this, job] { onState(job); });
    job->start();
}

void ReembedJob::doCancel()
{
    if (m_embedJob)
        m_embedJob->cancel();
    if (m_current)
        m_current->cancel();
    else if (!m_upserting)
        emitCancelled();
    // Otherwise the running job's result ends this one as cancelled.
}

void ReembedJob::onState(IndexJob *job)
{
    m_current = nullptr;
    if (isCancelRequested())
        return emitCancelled();
    if (job->outcome() != Outcome::Success)
        return fail(job->error());
    m_state = job->state();
    chooseTarget();
    // A version built whole has nothing to compare with: every chunk is new, so its chunks
    // are embedded as the docs are chunked (the plan's figures follow when the last doc is
    // done), and the first calls to a remote embedder do not wait for the last doc.
    m_streaming = !m_dryRun && m_plan.newVersion;
    if (m_streaming) {
        m_corpus = std::make_shared<Corpus>();
        log(tr("full rebuild into the new version %1: the docs are embedded as they are "
               "chunked")
                .arg(m_plan.target));
    }
    const ReembedOptions options = m_options;
    const bool streaming = m_streaming;
    // The docs are chunked on other threads while this one readies the version to write
    // (reads its manifest, or creates it): both are needed before the plan. Streamed docs
    // are handed to this thread one by one, before the result (events posted in order);
    // the destructor waits for the chunking, so `this` outlives it.
    m_chunking = true;
    runAsync(
        &m_pool, this,
        [this, options, streaming]() -> Result<std::shared_ptr<Corpus>> {
            auto corpus = std::make_shared<Corpus>();
            const MarkdownChunker chunker(options.chunker);
            auto result = DocsCorpus::chunk(
                options.docsRoot, options.corpus, chunker, [&](const ChunkedDocument &doc) {
                    if (streaming) {
                        if (!doc.chunks.isEmpty())
                            QMetaObject::invokeMethod(
                                this, [this, chunks = doc.chunks] { onStreamed(chunks); },
                                Qt::QueuedConnection);
                        return;
                    }
                    for (const Chunk &c : doc.chunks)
                        corpus->chunks.insert(c.id, c);
                });
            if (!result)
                return std::unexpected(result.error());
            corpus->result = std::move(*result);
            corpus->result.manifest.fingerprint = chunker.fingerprint();
            return corpus;
        },
        [this](Result<std::shared_ptr<Corpus>> corpus) { onCorpus(std::move(corpus)); });
    if (!isFinished())
        readyTarget();
}

void ReembedJob::onStreamed(const QList<Chunk> &chunks)
{
    if (isFinished() || isCancelRequested())
        return;
    const qsizetype from = m_plan.diff.toEmbed.size();
    for (const Chunk &c : chunks) {
        m_plan.diff.toEmbed.append(ManifestEntry::from(c));
        m_corpus->chunks.insert(c.id, c);
    }
    if (m_embedJob)
        m_embedJob->append(textsToEmbed(from));
    else if (m_targetReady)
        embedNext();
}

QStringList ReembedJob::textsToEmbed(qsizetype from) const
{
    const QList<ManifestEntry> &todo = m_plan.diff.toEmbed;
    QStringList texts;
    texts.reserve(todo.size() - from);
    for (qsizetype i = from; i < todo.size(); ++i)
        texts << m_corpus->chunks.value(todo.at(i).id).text;
    return texts;
}

void ReembedJob::onCorpus(Result<std::shared_ptr<Corpus>> corpus)
{
    m_chunking = false;
    if (isFinished())
        return;
    if (isCancelRequested())
        return m_current ? void() : emitCancelled(); // else the running job's result does
    if (!corpus) {
        if (m_embedJob)
            m_embedJob->cancel();
        return fail(corpus.error()); // a version being created is left for the next run
    }

    if (m_streaming)
        m_corpus->result = std::move((*corpus)->result); // the chunks came one doc at a time
    else
        m_corpus = std::move(*corpus);
    m_plan.problems = m_corpus->result.problems;
    m_plan.chunks = m_corpus->result.manifest.size();
    m_plan.docs = int(m_corpus->result.docPaths.size());
    m_plan.tokens = m_corpus->result.tokens;
    for (const Error &problem : m_plan.problems)
        log(tr("warning: %1").arg(problem.toString()));
    if (m_targetReady && !isFinished())
        planned();
}

void ReembedJob::chooseTarget()
{
    // Which version is written, and how: decided before the chunking starts.
    m_plan.mode = m_options.mode;
    m_plan.live = m_state.live;
    m_fingerprint = MarkdownChunker(m_options.chunker).fingerprint();
    const QString index = m_index->name();

    // An unfinished rebuild is continued, whatever mode was asked.
    QFile stateFile(statePath(m_options.stateDir, index));
    if (stateFile.open(QIODevice::ReadOnly)) {
        const QJsonObject state = QJsonDocument::fromJson(stateFile.readAll()).object();
        const int version = state.value(QStringLiteral("version")).toInt();
        if (version > 0 && m_state.versions.contains(version) && m_state.live != version) {
            m_plan.target = version;
            m_plan.mode = ReembedOptions::Mode::Full;
            m_plan.resumed = true;
        }
    }
    if (!m_plan.resumed) {
        if (m_plan.mode == ReembedOptions::Mode::Incremental && m_state.live) {
            m_plan.target = *m_state.live;
        } else {
            m_plan.mode = ReembedOptions::Mode::Full;
            m_plan.target = m_state.nextVersion();
            m_plan.newVersion = true;
        }
    }
}

void ReembedJob::readyTarget()
{
    if (!m_plan.newVersion) {
        auto loaded = ChunkManifest::load(manifestFile());
        if (loaded)
            m_previous = std::move(*loaded);
        else if (loaded.error().code != ErrorCode::NotFound)
            return fail(loaded.error());
        else if (m_plan.mode == ReembedOptions::Mode::Incremental)
            log(tr("version %1 has no manifest in %2: every chunk is embedded again")
                    .arg(m_plan.target)
                    .arg(m_options.stateDir));
    }
    if (m_dryRun || !m_plan.newVersion)
        return targetReady();

    // A new version: record it first, so a killed run continues it rather than making another.
    ChunkManifest::remove(manifestFile()); // a leftover of a version that no longer exists
    if (!writeState())
        return;
    IndexSpec spec;
    const EmbedderInfo info = m_embedder->info();
    spec.dimension = info.dimension;
    spec.distance = info.distance;
    spec.metadata = QJsonObject{{QStringLiteral("provider"), info.provider},
                                {QStringLiteral("model"), info.model},
                                {QStringLiteral("dimension"), info.dimension}};
    IndexJob *job = track(m_index->createVersion(m_plan.target, spec, this));
    connect(job, &Job::result, this, [this, job] {
        m_current = nullptr;
        if (isFinished())
            return;
        if (job->outcome() == Outcome::Cancelled || isCancelRequested())
            return m_chunking ? void() : emitCancelled(); // else the chunking's end does
        if (job->outcome() != Outcome::Success)
            return fail(job->error());
        targetReady();
    });
    job->start();
}

bool ReembedJob::writeState()
{
    QSaveFile file(statePath(m_options.stateDir, m_index->name()));
    const QJsonObject state{{QStringLiteral("index"), m_index->name()},
                            {QStringLiteral("version"), m_plan.target},
                            {QStringLiteral("live"), m_state.live ? *m_state.live : 0}};
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(state).toJson()) < 0 ||
        !file.commit()) {
        fail(makeErrorValue(ErrorCode::Io,
                            tr("cannot write %1: %2").arg(file.fileName(), file.errorString())));
        return false;
    }
    return true;
}

void ReembedJob::targetReady()
{
    if (isFinished())
        return; // cancelled from a log line's handler
    if (!m_dryRun) {
        // The manifest exists from the start, with the chunker's fingerprint; it stays open
        // while batches are recorded.
        m_manifest = std::make_unique<ChunkManifest::Writer>(manifestFile(), m_fingerprint);
        if (auto made = m_manifest->commit({}, {}); !made)
            return fail(made.error());
    }
    m_targetReady = true;
    if (!m_chunking && m_corpus)
        planned();
    else if (m_streaming && !m_plan.diff.toEmbed.isEmpty())
        embedNext(); // the docs chunked so far
}

void ReembedJob::planned()
{
    // Streamed: the chunks handed to the embedder, whose indexes the batches use. The diff
    // lists the same chunks in the same order (the docs' path order, each doc's chunks in
    // order); anything else would store vectors under the wrong chunks.
    const QList<ManifestEntry> streamed = std::move(m_plan.diff.toEmbed);
    m_plan.diff = ManifestDiff::compute(m_previous, m_corpus->result.manifest);
    m_previous = {};
    if (m_streaming) {
        const QList<ManifestEntry> &planned = m_plan.diff.toEmbed;
        const bool same =
            streamed.size() == planned.size() &&
            std::equal(streamed.cbegin(), streamed.cend(), planned.cbegin(),
                       [](const ManifestEntry &a, const ManifestEntry &b) { return a.id == b.id; });
        if (!same) {
            if (m_embedJob)
                m_embedJob->cancel();
            return fail(makeErrorValue(ErrorCode::Internal,
                                       tr("the %1 chunks handed to the embedder are not the %2 "
                                          "chunks of the docs, in their order")
                                           .arg(streamed.size())
                                           .arg(planned.size())));
        }
    }
    for (const QString &line : describe(m_plan))
        log(line);
    if (isFinished())
        return; // cancelled from a log line's handler
    if (m_dryRun)
        return emitSuccess();
    if (m_embedJob)
        return m_embedJob->closeInput(); // streamed: every text is in
    removeDeleted();
}

void ReembedJob::removeDeleted()
{
    const QList<QUuid> gone = m_plan.diff.toDelete;
    if (gone.isEmpty())
        return embedNext();
    QStringList ids;
    for (const QUuid &id : gone)
        ids << id.toString(QUuid::WithoutBraces);
    IndexJob *job = track(m_index->remove(m_plan.target, ids, this));
    connect(job, &Job::result, this, [this, job, gone] {
        m_current = nullptr;
        if (job->outcome() == Outcome::Cancelled || isCancelRequested())
            return emitCancelled();
        if (job->outcome() != Outcome::Success)
            return fail(job->error());
        // Deleted from the index first, then from the manifest: a crash in between deletes
        // them again next time (deleting an absent id is no error).
        if (auto done = m_manifest->commit({}, gone); !done)
            return fail(done.error());
        m_removed = int(gone.size());
        log(tr("removed %n point(s) of deleted chunks", nullptr, m_removed));
        embedNext();
    });
    job->start();
}

void ReembedJob::embedNext()
{
    const QList<ManifestEntry> &todo = m_plan.diff.toEmbed;
    const bool open = m_streaming && m_chunking; // more docs to come
    if (todo.isEmpty() && !open) {
        m_embedDone = true;
        return validate();
    }
    EmbedJob *job = m_embedder->embed(textsToEmbed(0), InputType::Document, this);
    job->setOpen(open);
    m_embedJob = job;
    connect(job, &Job::logLine, this, &Job::logLine);
    connect(job, &EmbedJob::batchReady, this,
            [this](int first, const QList<Embedding> &vectors) { onBatch(first, vectors); });
    connect(job, &Job::result, this, [this, job] {
        if (job->outcome() == Outcome::Cancelled || isCancelRequested()) {
            m_embedDone = true;
            if (!m_upserting)
                emitCancelled();
            return;
        }
        if (job->outcome() != Outcome::Success)
            return fail(job->error());
        m_embedDone = true;
        if (!m_upserting && m_ready.isEmpty())
            validate();
    });
    job->start();
}

void ReembedJob::onBatch(int first, const QList<Embedding> &vectors)
{
    // An embedder's batch can be bigger than ours: split so each commit stays small.
    const int size = std::max(1, m_options.batchSize);
    for (int i = 0; i < vectors.size(); i += size)
        m_ready.append({first + i, vectors.mid(i, size)});
    if (!m_upserting)
        upsertNext();
}

void ReembedJob::upsertNext()
{
    if (m_ready.isEmpty()) {
        m_upserting = false;
        if (isCancelRequested())
            return emitCancelled();
        if (m_embedDone)
            validate();
        return;
    }
    if (isCancelRequested()) {
        m_ready.clear();
        m_upserting = false;
        return emitCancelled();
    }
    m_upserting = true;
    const auto [first, vectors] = m_ready.takeFirst();
    QList<IndexPoint> points;
    QList<ManifestEntry> entries;
    for (int i = 0; i < vectors.size(); ++i) {
        const ManifestEntry &entry = m_plan.diff.toEmbed.at(first + i);
        const Chunk chunk = m_corpus->chunks.value(entry.id);
        points.append({chunk.idString(), vectors.at(i),
                       QJsonObject{{QStringLiteral("key"), chunk.key},
                                   {QStringLiteral("docPath"), chunk.docPath},
                                   {QStringLiteral("url"), chunk.url},
                                   {QStringLiteral("headingPath"),
                                    chunk.headingPath.join(QStringLiteral(" > "))},
                                   {QStringLiteral("ordinal"), chunk.ordinal},
                                   {QStringLiteral("text"), chunk.text}}});
        entries.append(entry);
    }
    IndexJob *job = track(m_index->upsert(m_plan.target, points, this));
    connect(job, &Job::result, this, [this, job, entries] {
        m_current = nullptr;
        if (job->outcome() == Outcome::Cancelled) {
            m_upserting = false;
            return emitCancelled();
        }
        if (job->outcome() != Outcome::Success) {
            if (m_embedJob)
                m_embedJob->cancel();
            return fail(job->error());
        }
        // Written, so recorded: the manifest never lists a point the index lacks.
        if (auto done = m_manifest->commit(entries, {}); !done) {
            if (m_embedJob)
                m_embedJob->cancel();
            return fail(done.error());
        }
        m_embedded += int(entries.size());
        qint64 tokens = 0;
        for (const ManifestEntry &e : entries)
            tokens += e.tokens;
        m_billed += tokens;
        if (m_chunking) {
            // Streamed, the docs still being chunked: no total yet.
            log(tr("embedded and stored %1 chunks (+%2 tokens); the docs are still being "
                   "chunked")
                    .arg(m_embedded)
                    .arg(tokens));
            emit progress(m_embedded, 0, m_billed);
            return upsertNext();
        }
        const int total = m_plan.diff.inputs();
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
        const qint64 eta = m_embedded > 0 ? elapsed * (total - m_embedded) / m_embedded / 1000 : 0;
        log(tr("embedded and stored %1 of %2 chunks (+%3 tokens), about %4 s left")
                .arg(m_embedded)
                .arg(total)
                .arg(tokens)
                .arg(eta));
        emit progress(m_embedded, total, m_billed);
        upsertNext();
    });
    job->start();
}

void ReembedJob::validate()
{
    if (isFinished())
        return;
    m_manifest.reset(); // every batch is recorded: checkpointed and closed
    IndexJob *job = track(m_index->info(m_plan.target, this));
    connect(job, &Job::result, this, [this, job] {
        m_current = nullptr;
        if (job->outcome() == Outcome::Cancelled || isCancelRequested())
            return emitCancelled();
        if (job->outcome() != Outcome::Success)
            return fail(job->error());
        const IndexVersionInfo info = job->info();
        const EmbedderInfo embedder = m_embedder->info();
        if (info.dimension != embedder.dimension)
            return fail(makeErrorValue(
                ErrorCode::Conflict,
                tr("validation failed: version %1 holds vectors of %2 dimensions, the embedder "
                   "%3 makes %4; run a full re-embed")
                    .arg(m_plan.target)
                    .arg(info.dimension)
                    .arg(embedder.describe())
                    .arg(embedder.dimension)));
        auto listed = ChunkManifest::count(manifestFile());
        if (!listed)
            return fail(listed.error());
        IndexJob *count = track(m_index->count(m_plan.target, this));
        const int expected = *listed;
        connect(count, &Job::result, this, [this, count, expected] {
            m_current = nullptr;
            if (count->outcome() == Outcome::Cancelled || isCancelRequested())
                return emitCancelled();
            if (count->outcome() != Outcome::Success)
                return fail(count->error());
            m_finalCount = count->count();
            if (m_finalCount != expected)
                return fail(makeErrorValue(
                    ErrorCode::Conflict,
                    tr("validation failed: version %1 holds %2 points, its manifest %3 chunks")
                        .arg(m_plan.target)
                        .arg(m_finalCount)
                        .arg(expected)));
            if (expected != m_plan.chunks)
                return fail(makeErrorValue(
                    ErrorCode::Internal,
                    tr("validation failed: the manifest of version %1 lists %2 chunks, the docs "
                       "give %3")
                        .arg(m_plan.target)
                        .arg(expected)
                        .arg(m_plan.chunks)));
            log(tr("validation: %1 points, as the manifest lists").arg(m_finalCount));
            askGolden(0);
        });
        count->start();
    });
    job->start();
}

void ReembedJob::askGolden(int number)
{
    if (number >= m_options.golden.size())
        return finish();
    const GoldenQuestion question = m_options.golden.at(number);
    EmbedJob *embed = m_embedder->embed({question.question}, InputType::Query, this);
    m_embedJob = embed;
    connect(embed, &Job::result, this, [this, embed, question, number] {
        if (embed->outcome() == Outcome::Cancelled || isCancelRequested())
            return emitCancelled();
        if (embed->outcome() != Outcome::Success)
            return fail(embed->error());
        IndexJob *query =
            track(m_index->query(m_plan.target, embed->vectors().first(), m_options.topK, this));
        connect(query, &Job::result, this, [this, query, question, number] {
            m_current = nullptr;
            if (query->outcome() == Outcome::Cancelled || isCancelRequested())
                return emitCancelled();
            if (query->outcome() != Outcome::Success)
                return fail(query->error());
            QStringList found;
            for (const IndexHit &hit : query->hits()) {
                const QString url = hit.payload.value(QStringLiteral("url")).toString();
                const QString path = hit.payload.value(QStringLiteral("docPath")).toString();
                if (GoldenQuestions::matches(question.expected, url, path)) {
                    log(tr("golden question %1 found %2").arg(number + 1).arg(question.expected));
                    return askGolden(number + 1);
                }
                found << QStringLiteral("%1 (%2)").arg(url.isEmpty() ? path : url,
                                                       QString::number(hit.score, 'f', 3));
            }
            const bool switching = m_plan.newVersion || m_plan.resumed;
            fail(makeErrorValue(
                ErrorCode::Conflict,
                tr("validation failed: golden question %1 (line %2) \"%3\" expected %4 in the "
                   "top %5, found instead: %6.%7")
                    .arg(number + 1)
                    .arg(question.line)
                    .arg(question.question, question.expected)
                    .arg(m_options.topK)
                    .arg(found.isEmpty() ? tr("nothing") : found.join(QStringLiteral(", ")),
                         switching ? tr(" Version %1 was not made live; the live version is "
                                        "unchanged.")
                                         .arg(m_plan.target)
                                   : QString())));
        });
        query->start();
    });
    embed->start();
}

void ReembedJob::finish()
{
    if (m_plan.mode == ReembedOptions::Mode::Incremental && !m_plan.newVersion && !m_plan.resumed) {
        log(tr("version %1 updated in place").arg(m_plan.target));
        return emitSuccess();
    }
    IndexJob *job = track(m_index->activate(m_plan.target, this));
    connect(job, &Job::result, this, [this, job] {
        m_current = nullptr;
        if (job->outcome() == Outcome::Cancelled || isCancelRequested())
            return emitCancelled();
        if (job->outcome() != Outcome::Success)
            return fail(job->error());
        QFile::remove(statePath(m_options.stateDir, m_index->name()));
        log(m_plan.live ? tr("index switch v%1 → v%2").arg(*m_plan.live).arg(m_plan.target)
                        : tr("index v%1 is live").arg(m_plan.target));
        emitSuccess();
    });
    job->start();
}

QStringList ReembedJob::describe(const ReembedPlan &plan)
{
    QStringList lines;
    const bool full = plan.mode == ReembedOptions::Mode::Full;
    if (plan.resumed)
        lines << tr("resuming the rebuild of version %1").arg(plan.target);
    else if (full)
        lines << tr("full rebuild into version %1 (live: %2)")
                     .arg(plan.target)
                     .arg(plan.live ? QStringLiteral("v%1").arg(*plan.live) : tr("none"));
    else
        lines << tr("incremental update of live version %1").arg(plan.target);
    for (const ManifestDiff::File &f : plan.diff.files) {
        if (f.added == 0 && f.changed == 0 && f.removed == 0)
            continue;
        lines << tr("  %1: %2 new, %3 changed, %4 removed, %5 unchanged, ~%6 tokens")
                     .arg(f.docPath)
                     .arg(f.added)
                     .arg(f.changed)
                     .arg(f.removed)
                     .arg(f.unchanged)
                     .arg(f.tokensToEmbed);
    }
    lines << tr("%1 chunks: %2 new, %3 changed, %4 removed, %5 unchanged; %6 inputs to embed, "
                "~%7 billed tokens")
                 .arg(plan.chunks)
                 .arg(plan.diff.added)
                 .arg(plan.diff.changed)
                 .arg(plan.diff.removed)
                 .arg(plan.diff.unchanged)
                 .arg(plan.diff.inputs())
                 .arg(plan.diff.tokensToEmbed);
    return lines;
}

} // namespace DeployDesk::Data
