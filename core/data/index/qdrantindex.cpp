#include "data/index/qdrantindex.h"

#include "common/translate.h"
#include "data/index/qdrantjob.h"
#include "net/httpjob.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <memory>

namespace DeployDesk::Data {

using Internal::QdrantJob;

namespace {

QUrl path(const QString &text)
{
    return QUrl(text, QUrl::TolerantMode);
}

QString collectionPath(const QString &collection, const QString &rest = {})
{
    return QStringLiteral("/collections/%1%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(collection)), rest);
}

HttpRequest readRequest(HttpRequest request)
{
    request.setIdempotent(true); // count, query and reads change nothing
    return request;
}

IndexVersionInfo toInfo(const QJsonObject &result, int version, const QString &name)
{
    const QJsonObject config = result.value(QStringLiteral("config")).toObject();
    const QJsonObject vectors = config.value(QStringLiteral("params"))
                                    .toObject()
                                    .value(QStringLiteral("vectors"))
                                    .toObject();
    IndexVersionInfo info;
    info.version = version;
    info.name = name;
    info.dimension = vectors.value(QStringLiteral("size")).toInt();
    info.distance = vectors.value(QStringLiteral("distance")).toString();
    info.points = qint64(result.value(QStringLiteral("points_count")).toDouble(-1));
    info.metadata = config.value(QStringLiteral("metadata")).toObject();
    return info;
}

QJsonArray toJson(const QList<float> &vector)
{
    QJsonArray array;
    for (const float v : vector)
        array.append(double(v));
    return array;
}

// The versions among `collections` and the one `aliases` point `name` at.
IndexState toState(const QString &name, const QJsonArray &collections, const QJsonArray &aliases)
{
    const QRegularExpression pattern(
        QStringLiteral("^%1_v(\\d+)$").arg(QRegularExpression::escape(name)));
    IndexState state;
    for (const QJsonValue &c : collections) {
        const auto match = pattern.match(c.toObject().value(QStringLiteral("name")).toString());
        if (match.hasMatch())
            state.versions.append(match.captured(1).toInt());
    }
    std::sort(state.versions.begin(), state.versions.end());
    for (const QJsonValue &a : aliases) {
        const QJsonObject alias = a.toObject();
        if (alias.value(QStringLiteral("alias_name")).toString() != name)
            continue;
        const auto match = pattern.match(alias.value(QStringLiteral("collection_name")).toString());
        if (match.hasMatch())
            state.live = match.captured(1).toInt();
    }
    return state;
}

// GET /collections and GET /aliases, then `then(state)`.
void readState(QdrantJob &job, const QString &name, std::function<void(IndexState)> then)
{
    job.call(readRequest(HttpRequest::get(path(QStringLiteral("/collections")))),
             [&job, name, then](const QJsonValue &collections) {
                 job.call(
                     readRequest(HttpRequest::get(path(QStringLiteral("/aliases")))),
                     [name, then, collections](const QJsonValue &aliases) {
                         then(toState(
                             name,
                             collections.toObject().value(QStringLiteral("collections")).toArray(),
                             aliases.toObject().value(QStringLiteral("aliases")).toArray()));
                     });
             });
}

// GET /collections/<c>: the version's spec, then `then(info)`.
void readInfo(QdrantJob &job, const QString &collection, int version,
              std::function<void(IndexVersionInfo)> then)
{
    job.call(readRequest(HttpRequest::get(path(collectionPath(collection)))),
             [collection, version, then](const QJsonValue &result) {
                 then(toInfo(result.toObject(), version, collection));
             });
}

struct UpsertRun
{
    QList<IndexPoint> points;
    QString collection;
    int batchSize = 128;
    int parallel = 2;
    qsizetype next = 0;
    qint64 done = 0;
};

void pumpUpserts(QdrantJob &job, const std::shared_ptr<UpsertRun> &run)
{
    while (job.callsInFlight() < run->parallel && run->next < run->points.size()) {
        const qsizetype first = run->next;
        const qsizetype count = std::min<qsizetype>(run->batchSize, run->points.size() - first);
        run->next += count;
        QJsonArray points;
        for (qsizetype i = first; i < first + count; ++i) {
            const IndexPoint &p = run->points.at(i);
            points.append(QJsonObject{{QStringLiteral("id"), p.id.toLower()},
                                      {QStringLiteral("vector"), toJson(p.vector)},
                                      {QStringLiteral("payload"), p.payload}});
        }
        // PUT is idempotent (upsert by id): HttpJob retries 5xx, resets and timeouts.
        job.call(HttpRequest::put(
                     path(collectionPath(run->collection, QStringLiteral("/points?wait=true"))),
                     QJsonObject{{QStringLiteral("points"), points}}),
                 [&job, run, count](const QJsonValue &) {
                     run->done += count;
                     job.addCount(count);
                     job.reportProgress(run->done, run->points.size());
                     if (run->done == run->points.size())
                         job.succeed();
                     else
                         pumpUpserts(job, run);
                 });
    }
}

struct RemoveRun
{
    QString collection;
    QStringList ids;
    qsizetype next = 0;
};

// One delete call after the other (ids only: small bodies, no need to overlap them).
void removeNext(QdrantJob &job, const std::shared_ptr<RemoveRun> &run)
{
    if (run->next >= run->ids.size()) {
        job.succeed();
        return;
    }
    const QStringList batch = run->ids.mid(run->next, QdrantIndex::kDeleteBatch);
    run->next += batch.size();
    QJsonArray points;
    for (const QString &id : batch)
        points.append(id.toLower());
    HttpRequest request = HttpRequest::post(
        path(collectionPath(run->collection, QStringLiteral("/points/delete?wait=true"))),
        QJsonObject{{QStringLiteral("points"), points}});
    request.setIdempotent(true); // deleting twice deletes nothing more
    job.call(std::move(request), [&job, run, n = batch.size()](const QJsonValue &) {
        job.addCount(n);
        job.reportProgress(run->next, run->ids.size());
        removeNext(job, run);
    });
}

} // namespace

QdrantIndex::QdrantIndex(QdrantOptions options)
    : m_options(std::move(options))
    , m_http(Platform::Qdrant, m_options.baseUrl)
{
    m_options.batchSize =
        std::clamp(m_options.batchSize, QdrantOptions::kMinBatch, QdrantOptions::kMaxBatch);
    m_options.parallel = std::max(1, m_options.parallel);
    if (!m_options.apiKey.isEmpty())
        m_http.setSecretHeader("api-key", m_options.apiKey);
    m_http.addSecrets(m_options.secrets);
    m_http.setAuthHint(
        m_options.apiKeySecret.isEmpty()
            ? tr("the Qdrant URL (this Qdrant asks for an API key: name its "
                 "secret)")
            : tr("the secret %1 (deploydeskctl secrets set %1)").arg(m_options.apiKeySecret));
    m_http.setTimeout(m_options.timeout);
    m_http.setRetryPolicy(m_options.retry);
}

IndexJob *QdrantIndex::state(QObject *parent) const
{
    const QString name = m_options.name;
    return new QdrantJob(
        m_http,
        [name](QdrantJob &job) {
            readState(job, name, [&job](IndexState state) {
                job.setState(std::move(state));
                job.succeed();
            });
        },
        parent);
}

IndexJob *QdrantIndex::info(int version, QObject *parent) const
{
    const QString collection = versionName(m_options.name, version);
    return new QdrantJob(
        m_http,
        [collection, version](QdrantJob &job) {
            readInfo(job, collection, version, [&job, collection](IndexVersionInfo info) {
                // points_count is approximate while Qdrant indexes: count exactly.
                job.call(readRequest(HttpRequest::post(
                             path(collectionPath(collection, QStringLiteral("/points/count"))),
                             QJsonObject{{QStringLiteral("exact"), true}})),
                         [&job, info](const QJsonValue &result) mutable {
                             info.points = qint64(
                                 result.toObject().value(QStringLiteral("count")).toDouble());
                             job.setCount(info.points);
                             job.setInfo(info);
                             job.succeed();
                         });
            });
        },
        parent);
}

IndexJob *QdrantIndex::createVersion(int version, const IndexSpec &spec, QObject *parent) const
{
    const QString collection = versionName(m_options.name, version);
    const QString name = m_options.name;
    return new QdrantJob(
        m_http,
        [collection, version, spec, name](QdrantJob &job) {
            if (auto ok = checkIndexName(name); !ok) {
                job.fail(ok.error());
                return;
            }
            if (spec.dimension < 1) {
                job.fail(makeErrorValue(
                    ErrorCode::Invalid,
                    tr("a vector dimension is 1 or more; found %1").arg(spec.dimension)));
                return;
            }
            QJsonObject body{{QStringLiteral("vectors"),
                              QJsonObject{{QStringLiteral("size"), spec.dimension},
                                          {QStringLiteral("distance"), spec.distance}}}};
            if (!spec.metadata.isEmpty())
                body.insert(QStringLiteral("metadata"), spec.metadata);
            auto describe = [&job, collection, version, spec] {
                readInfo(job, collection, version, [&job, spec, version](IndexVersionInfo info) {
                    if (info.dimension != spec.dimension || info.distance != spec.distance) {
                        job.fail(makeErrorValue(
                            ErrorCode::Conflict,
                            tr("Qdrant collection %1 exists with %2 dimensions (%3), not %4 "
                               "(%5); build another version or drop this one")
                                .arg(info.name)
                                .arg(info.dimension)
                                .arg(info.distance)
                                .arg(spec.dimension)
                                .arg(spec.distance)));
                        return;
                    }
                    Q_UNUSED(version);
                    job.setInfo(info);
                    job.succeed();
                });
            };
            // PUT is idempotent for HttpJob: a retry after a lost answer meets 409 and
            // describes the collection the first try made.
            job.call(
                HttpRequest::put(path(collectionPath(collection)), body),
                [describe](const QJsonValue &) { describe(); },
                [describe](HttpJob *call) {
                    if (call->status() != 409)
                        return false;
                    describe(); // exists: kept when it is the same spec (a resumed re-embed)
                    return true;
                });
        },
        parent);
}

IndexJob *QdrantIndex::upsert(int version, QList<IndexPoint> points, QObject *parent) const
{
    auto run = std::make_shared<UpsertRun>();
    run->points = std::move(points);
    run->collection = versionName(m_options.name, version);
    run->batchSize = m_options.batchSize;
    run->parallel = m_options.parallel;
    return new QdrantJob(
        m_http,
        [run, version](QdrantJob &job) {
            // The dimension first, so a bad point fails the job before anything is written.
            readInfo(job, run->collection, version, [&job, run](IndexVersionInfo info) {
                if (auto ok = checkPoints(run->points, info.dimension); !ok) {
                    job.fail(ok.error());
                    return;
                }
                if (run->points.isEmpty()) {
                    job.succeed();
                    return;
                }
                job.note(tr("upserting %1 points into %2, %3 per call, %4 at a time")
                             .arg(run->points.size())
                             .arg(run->collection)
                             .arg(run->batchSize)
                             .arg(run->parallel));
                pumpUpserts(job, run);
            });
        },
        parent);
}

IndexJob *QdrantIndex::remove(int version, QStringList ids, QObject *parent) const
{
    auto run = std::make_shared<RemoveRun>();
    run->collection = versionName(m_options.name, version);
    run->ids = std::move(ids);
    return new QdrantJob(
        m_http,
        [run](QdrantJob &job) {
            if (run->ids.isEmpty()) {
                // Still says when the version does not exist.
                readInfo(job, run->collection, 0, [&job](IndexVersionInfo) { job.succeed(); });
                return;
            }
            removeNext(job, run);
        },
        parent);
}

IndexJob *QdrantIndex::count(int version, QObject *parent) const
{
    const QString collection = versionName(m_options.name, version);
    return new QdrantJob(
        m_http,
        [collection](QdrantJob &job) {
            job.call(readRequest(HttpRequest::post(
                         path(collectionPath(collection, QStringLiteral("/points/count"))),
                         QJsonObject{{QStringLiteral("exact"), true}})),
                     [&job](const QJsonValue &result) {
                         job.setCount(
                             qint64(result.toObject().value(QStringLiteral("count")).toDouble()));
                         job.succeed();
                     });
        },
        parent);
}

IndexJob *QdrantIndex::query(std::optional<int> version, QList<float> vector, int limit,
                             QObject *parent) const
{
    // Through the alias when no version is given: Qdrant resolves it.
    const QString target = version ? versionName(m_options.name, *version) : m_options.name;
    const QJsonObject body{{QStringLiteral("query"), toJson(vector)},
                           {QStringLiteral("limit"), std::max(1, limit)},
                           {QStringLiteral("with_payload"), true}};
    return new QdrantJob(
        m_http,
        [target, body](QdrantJob &job) {
            job.call(readRequest(HttpRequest::post(
                         path(collectionPath(target, QStringLiteral("/points/query"))), body)),
                     [&job](const QJsonValue &result) {
                         QList<IndexHit> hits;
                         for (const QJsonValue &p :
                              result.toObject().value(QStringLiteral("points")).toArray()) {
                             const QJsonObject point = p.toObject();
                             const QJsonValue id = point.value(QStringLiteral("id"));
                             hits.append(
                                 IndexHit{id.isString() ? id.toString()
                                                        : QString::number(qint64(id.toDouble())),
                                          point.value(QStringLiteral("score")).toDouble(),
                                          point.value(QStringLiteral("payload")).toObject()});
                         }
                         job.setCount(hits.size());
                         job.setHits(std::move(hits));
                         job.succeed();
                     });
        },
        parent);
}

IndexJob *QdrantIndex::activate(int version, QObject *parent) const
{
    const QString name = m_options.name;
    const QString collection = versionName(name, version);
    return new QdrantJob(
        m_http,
        [name, collection, version](QdrantJob &job) {
            readState(job, name, [&job, name, collection, version](IndexState before) {
                if (!before.versions.contains(version)) {
                    job.fail(makeErrorValue(
                        ErrorCode::NotFound,
                        tr("Qdrant has no collection %1 to switch %2 to").arg(collection, name)));
                    return;
                }
                QJsonArray actions;
                if (before.live)
                    actions.append(
                        QJsonObject{{QStringLiteral("delete_alias"),
                                     QJsonObject{{QStringLiteral("alias_name"), name}}}});
                actions.append(
                    QJsonObject{{QStringLiteral("create_alias"),
                                 QJsonObject{{QStringLiteral("collection_name"), collection},
                                             {QStringLiteral("alias_name"), name}}}});
                HttpRequest request =
                    HttpRequest::post(path(QStringLiteral("/collections/aliases")),
                                      QJsonObject{{QStringLiteral("actions"), actions}});
                request.setIdempotent(false); // a repeated create_alias would meet a 409
                auto confirm = [&job, name, version, collection](bool afterFailure, Error why) {
                    readState(job, name,
                              [&job, version, collection, afterFailure, why](IndexState after) {
                                  if (after.live != version) {
                                      job.fail(afterFailure
                                                   ? why
                                                   : makeErrorValue(
                                                         ErrorCode::Remote,
                                                         tr("Qdrant accepted the switch to %1 but "
                                                            "the alias does not point at it")
                                                             .arg(collection)));
                                      return;
                                  }
                                  job.setState(after);
                                  job.succeed();
                              });
                };
                job.call(
                    std::move(request), [confirm](const QJsonValue &) { confirm(false, {}); },
                    [confirm](HttpJob *call) {
                        // The answer was lost (reset, timeout): the switch may have happened.
                        if (call->status() != 0)
                            return false;
                        confirm(true, call->error());
                        return true;
                    });
            });
        },
        parent);
}

IndexJob *QdrantIndex::dropVersion(int version, QObject *parent) const
{
    const QString name = m_options.name;
    const QString collection = versionName(name, version);
    return new QdrantJob(
        m_http,
        [name, collection, version](QdrantJob &job) {
            readState(job, name, [&job, name, collection, version](IndexState state) {
                if (state.live == version) {
                    job.fail(makeErrorValue(ErrorCode::Conflict,
                                            tr("%1 is the live version of Qdrant index %2; "
                                               "activate another version before dropping it")
                                                .arg(collection, name)));
                    return;
                }
                job.call(HttpRequest::deleteResource(path(collectionPath(collection))),
                         [&job, name](const QJsonValue &) {
                             readState(job, name, [&job](IndexState after) {
                                 job.setState(std::move(after));
                                 job.succeed();
                             });
                         });
            });
        },
        parent);
}

} // namespace DeployDesk::Data
