#include "ui/embeddings/embeddingsreader.h"

#include "common/async.h"
#include "data/reembed/goldenquestions.h"
#include "data/reembed/reembedtarget.h"
#include "run/reembedstage.h"

#include <QPromise>

#include <memory>

namespace DeployDesk::Ui {

namespace {

struct Resolved
{
    ReembedStage stage;
    Data::ReembedSetup setup;
};

Result<Resolved> resolve(const EmbeddingsReader::Where &where)
{
    auto stage = reembedStageOf(where.pipeline, where.environment, where.dataDir);
    if (!stage)
        return std::unexpected(stage.error());
    auto setup = Data::ReembedStageOptions::read(stage->request);
    if (!setup)
        return makeError(
            setup.error().code,
            EmbeddingsReader::tr("stage %1: %2").arg(stage->stage.name, setup.error().toString()));
    return Resolved{*stage, *setup};
}

// Starts `job` (parented to the reader's owner) and calls `then` with it when it ends.
template<typename J, typename F> void runJob(J *job, F then)
{
    QObject::connect(job, &Job::result, job, [job, then = std::move(then)]() mutable {
        job->deleteLater();
        then(job);
    });
    job->start();
}

QString failure(const Job *job)
{
    return job->outcome() == Job::Outcome::Cancelled ? EmbeddingsReader::tr("cancelled")
                                                     : job->errorText();
}

Error jobError(const Job *job)
{
    return job->outcome() == Job::Outcome::Cancelled
               ? makeErrorValue(ErrorCode::Unavailable, EmbeddingsReader::tr("cancelled"))
               : job->error();
}

} // namespace

EmbeddingsReader::EmbeddingsReader(QObject *parent)
    : QObject(parent)
    , m_thread(QStringLiteral("DeployDesk embeddings"))
{
    m_thread.post([this] { m_owner = new QObject; });
    m_thread.onStop([this] {
        delete m_owner; // with the jobs still going: their answers are never given
        m_owner = nullptr;
    });
}

EmbeddingsReader::~EmbeddingsReader()
{
    m_thread.stop(SerialThread::PendingWork::Drop);
}

template<typename T>
void EmbeddingsReader::later(QObject *context, std::function<void(std::function<void(T)>)> work,
                             std::function<void(const T &)> done)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    onResultReady(promise->future(), context, [done = std::move(done)](T value) { done(value); });
    m_thread.post([promise, work = std::move(work)]() mutable {
        work([promise](T value) {
            promise->addResult(std::move(value));
            promise->finish();
        });
    });
}

void EmbeddingsReader::inspect(QObject *context, const Where &where,
                               std::function<void(const EmbeddingsSnapshot &)> done)
{
    later<EmbeddingsSnapshot>(
        context,
        [this, where](std::function<void(EmbeddingsSnapshot)> answer) {
            auto snapshot = std::make_shared<EmbeddingsSnapshot>();
            auto resolved = resolve(where);
            if (!resolved) {
                snapshot->error = resolved.error().toString();
                return answer(*snapshot);
            }
            auto r = std::make_shared<Resolved>(std::move(*resolved));
            snapshot->stage = r->stage.stage.name;
            snapshot->index = tr("%1 (%2, %3)")
                                  .arg(r->setup.index->name(), r->setup.index->kind(),
                                       r->setup.index->location());
            snapshot->docsRoot = r->setup.options.docsRoot;
            snapshot->goldenQuestions = int(r->setup.options.golden.size());

            // 3. the dry run against the live version
            auto plan = [this, r, snapshot, answer] {
                auto *job = new Data::ReembedJob(r->setup.embedder, r->setup.index,
                                                 r->setup.options, m_owner);
                job->setDryRun(true);
                runJob(job, [r, snapshot, answer](Data::ReembedJob *job) {
                    if (job->outcome() == Job::Outcome::Success) {
                        snapshot->planned = true;
                        snapshot->plan = job->plan();
                        snapshot->planLines = Data::ReembedJob::describe(job->plan());
                    } else if (snapshot->error.isEmpty()) {
                        snapshot->error = failure(job);
                    }
                    answer(*snapshot);
                });
            };
            // 2. each version's figures, newest first
            auto versions = std::make_shared<QList<int>>();
            auto info = std::make_shared<std::function<void()>>();
            *info = [this, r, snapshot, versions, info, plan] {
                if (versions->isEmpty()) {
                    const auto next = plan; // this closure goes with the reset below
                    *info = nullptr;        // breaks the cycle
                    return next();
                }
                const int version = versions->takeLast();
                runJob(r->setup.index->info(version, m_owner), [r, snapshot, version,
                                                                info](Data::IndexJob *job) {
                    IndexVersionRow row;
                    row.version = version;
                    row.live = snapshot->live == version;
                    if (job->outcome() == Job::Outcome::Success) {
                        row.points = job->info().points;
                        row.dimension = job->info().dimension;
                        row.model = job->info().metadata.value(QStringLiteral("model")).toString();
                    } else if (snapshot->error.isEmpty()) {
                        snapshot->error = failure(job);
                    }
                    snapshot->versions.append(row);
                    (*info)();
                });
            };
            // 1. the versions
            runJob(r->setup.index->state(m_owner),
                   [snapshot, versions, info, answer](Data::IndexJob *job) {
                       if (job->outcome() != Job::Outcome::Success) {
                           snapshot->error = failure(job);
                           *info = nullptr;
                           return answer(*snapshot);
                       }
                       snapshot->live = job->state().live;
                       *versions = job->state().versions;
                       (*info)();
                   });
        },
        std::move(done));
}

void EmbeddingsReader::query(QObject *context, const Where &where, const QString &question,
                             std::optional<int> version, int top,
                             std::function<void(const Result<QList<Data::IndexHit>> &)> done)
{
    using Hits = Result<QList<Data::IndexHit>>;
    later<Hits>(
        context,
        [this, where, question, version, top](std::function<void(Hits)> answer) {
            auto resolved = resolve(where);
            if (!resolved)
                return answer(std::unexpected(resolved.error()));
            auto r = std::make_shared<Resolved>(std::move(*resolved));
            runJob(r->setup.embedder->embed({question}, Data::InputType::Query, m_owner),
                   [this, r, version, top, answer](Data::EmbedJob *embed) {
                       if (embed->outcome() != Job::Outcome::Success)
                           return answer(std::unexpected(jobError(embed)));
                       runJob(
                           r->setup.index->query(version, embed->vectors().first(), top, m_owner),
                           [r, answer](Data::IndexJob *job) {
                               if (job->outcome() != Job::Outcome::Success)
                                   return answer(std::unexpected(jobError(job)));
                               answer(job->hits());
                           });
                   });
        },
        std::move(done));
}

void EmbeddingsReader::validate(QObject *context, const Where &where, int version,
                                std::function<void(const Result<QList<GoldenResult>> &)> done)
{
    using Results = Result<QList<GoldenResult>>;
    later<Results>(
        context,
        [this, where, version](std::function<void(Results)> answer) {
            auto resolved = resolve(where);
            if (!resolved)
                return answer(std::unexpected(resolved.error()));
            auto r = std::make_shared<Resolved>(std::move(*resolved));
            auto results = std::make_shared<QList<GoldenResult>>();
            auto ask = std::make_shared<std::function<void(int)>>();
            *ask = [this, r, results, ask, version, answer](int number) {
                if (number >= r->setup.options.golden.size()) {
                    const auto reply = answer; // this closure goes with the reset below
                    const auto done = *results;
                    *ask = nullptr; // breaks the cycle
                    return reply(done);
                }
                const Data::GoldenQuestion question = r->setup.options.golden.at(number);
                runJob(
                    r->setup.embedder->embed({question.question}, Data::InputType::Query, m_owner),
                    [this, r, results, ask, version, answer, question,
                     number](Data::EmbedJob *embed) {
                        if (embed->outcome() != Job::Outcome::Success) {
                            *ask = nullptr;
                            return answer(std::unexpected(jobError(embed)));
                        }
                        runJob(r->setup.index->query(version, embed->vectors().first(),
                                                     r->setup.options.topK, m_owner),
                               [results, ask, answer, question, number](Data::IndexJob *job) {
                                   if (job->outcome() != Job::Outcome::Success) {
                                       *ask = nullptr;
                                       return answer(std::unexpected(jobError(job)));
                                   }
                                   GoldenResult row;
                                   row.question = question.question;
                                   row.expected = question.expected;
                                   row.line = question.line;
                                   for (const Data::IndexHit &hit : job->hits()) {
                                       const QString url =
                                           hit.payload.value(QStringLiteral("url")).toString();
                                       const QString path =
                                           hit.payload.value(QStringLiteral("docPath")).toString();
                                       if (Data::GoldenQuestions::matches(question.expected, url,
                                                                          path))
                                           row.passed = true;
                                       row.found << QStringLiteral("%1 (%2)").arg(
                                           url.isEmpty() ? path : url,
                                           QString::number(hit.score, 'f', 3));
                                   }
                                   results->append(row);
                                   (*ask)(number + 1);
                               });
                    });
            };
            (*ask)(0);
        },
        std::move(done));
}

} // namespace DeployDesk::Ui
