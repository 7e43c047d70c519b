#include "data/reembed/reembedtarget.h"

#include "data/embed/cohereembedder.h"
#include "data/embed/localembedder.h"
#include "data/index/localindex.h"
#include "data/index/qdrantindex.h"

#include <QDir>
#include <QTimer>

#include <functional>

namespace DeployDesk::Data {
namespace {
const QString kDocs = QStringLiteral("docs");
const QString kEmbedder = QStringLiteral("embedder");
const QString kModel = QStringLiteral("model");
const QString kDimension = QStringLiteral("dimension");
const QString kIndex = QStringLiteral("index");
const QString kIndexName = QStringLiteral("index-name");
const QString kIndexFolder = QStringLiteral("index-folder");
const QString kQdrantUrl = QStringLiteral("qdrant-url");
const QString kMode = QStringLiteral("mode");
const QString kGolden = QStringLiteral("golden");
const QString kTopK = QStringLiteral("top-k");
const QString kChunkTokens = QStringLiteral("chunk-tokens");
const QString kRouteBase = QStringLiteral("route-base");
const QString kIgnore = QStringLiteral("ignore");
const QString kBatchSize = QStringLiteral("batch-size");

QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir(base).filePath(path));
}

Result<int> intOption(const QVariantMap &with, const QString &key, int fallback, int min, int max)
{
    const QString text = with.value(key).toString().trimmed();
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return makeError(ErrorCode::Invalid, ReembedStageOptions::tr("reembed: `%1` is \"%2\"; "
                                                                     "give a whole number from "
                                                                     "%3 to %4")
                                                 .arg(key, text)
                                                 .arg(min)
                                                 .arg(max));
    return value;
}

// A TargetJob that runs one inner job and reports what `report` makes of it.
class WrapJob final : public TargetJob
{
public:
    using Report = std::function<QList<Deployment>(Job *)>;
    WrapJob(Job *inner, Report report, QObject *parent, std::shared_ptr<const void> keep = {})
        : TargetJob(parent)
        , m_inner(inner)
        , m_report(std::move(report))
        , m_keep(std::move(keep))
    {
        if (m_inner) {
            m_inner->setParent(this);
            connect(m_inner, &Job::logLine, this, &Job::logLine);
            connect(m_inner, &Job::progress, this, &Job::progress);
        }
    }
    // A job that fails with `error` at once.
    WrapJob(Error error, QObject *parent)
        : TargetJob(parent)
        , m_error(std::move(error))
    {}

protected:
    void doStart() override
    {
        if (!m_inner)
            return emitFailure(m_error);
        connect(m_inner, &Job::result, this, [this] {
            if (m_inner->outcome() == Outcome::Cancelled)
                return emitCancelled();
            if (m_inner->outcome() == Outcome::Failed)
                return emitFailure(m_inner->error());
            if (m_report)
                for (Deployment &d : m_report(m_inner))
                    addDeployment(std::move(d));
            emitSuccess();
        });
        m_inner->start();
    }
    void doCancel() override
    {
        if (m_inner)
            m_inner->cancel();
        else
            emitCancelled();
    }

private:
    Job *m_inner = nullptr;
    Report m_report;
    std::shared_ptr<const void> m_keep; // the index the inner job works on
    Error m_error;
};

} // namespace

ParamSchema ReembedStageOptions::params()
{
    using K = ParamSpec::Kind;
    return {
        {kDocs,
         K::String,
         true,
         tr("the docs folder to embed, relative to the workspace"),
         {},
         0,
         0},
        {kEmbedder,
         K::Choice,
         false,
         tr("local (offline, lexical; default) or cohere (COHERE_API_KEY secret)"),
         {QStringLiteral("local"), QStringLiteral("cohere")},
         0,
         0},
        {kModel, K::String, false, tr("the Cohere model (default embed-english-v3.0)"), {}, 0, 0},
        {kDimension,
         K::Int,
         false,
         tr("vector dimension: the local embedder's (default 1024) or Cohere's output dimension"),
         {},
         16,
         8192},
        {kIndex,
         K::Choice,
         false,
         tr("local (SQLite files; default) or qdrant"),
         {QStringLiteral("local"), QStringLiteral("qdrant")},
         0,
         0},
        {kIndexName, K::String, false, tr("the index (alias) name (default docs)"), {}, 0, 0},
        {kIndexFolder,
         K::String,
         false,
         tr("local index: its folder, relative to the workspace (default: DeployDesk's state "
            "folder/vector-index/<environment>)"),
         {},
         0,
         0},
        {kQdrantUrl, K::String, false, tr("qdrant index: the Qdrant URL"), {}, 0, 0},
        {kMode,
         K::Choice,
         false,
         tr("incremental (embed only what changed, in place; default) or full (build a new "
            "version, validate, switch)"),
         {QStringLiteral("incremental"), QStringLiteral("full")},
         0,
         0},
        {kGolden,
         K::String,
         false,
         tr("a file of golden questions, one \"question => expected page\" per line, each of "
            "which must find its page before a switch"),
         {},
         0,
         0},
        {kTopK,
         K::Int,
         false,
         tr("how many hits a golden question may look at (default 5)"),
         {},
         1,
         100},
        {kChunkTokens, K::Int, false, tr("token budget per chunk (default 400)"), {}, 50, 8000},
        {kRouteBase, K::String, false, tr("the docs' URL prefix (default /docs)"), {}, 0, 0},
        {kIgnore, K::StringList, false, tr("globs of docs to leave out"), {}, 0, 0},
        {kBatchSize,
         K::Int,
         false,
         tr("chunks embedded, stored and committed per step (default 64); what a cancelled "
            "or killed run keeps is whole steps"),
         {},
         1,
         4096},
    };
}

Result<ReembedSetup> ReembedStageOptions::read(const TargetRequest &request)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    const QString base = context.workdir.isEmpty() ? context.workspaceDir : context.workdir;
    ReembedSetup setup;
    ReembedOptions &o = setup.options;

    const QString docs = with.value(kDocs).toString().trimmed();
    if (docs.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            tr("reembed: set `docs` to the docs folder to embed (e.g. docs: site/docs)"));
    o.docsRoot = absoluteIn(base, docs);
    const QVariant ignore = with.value(kIgnore);
    o.corpus.ignore =
        ignore.typeId() == QMetaType::QStringList || ignore.typeId() == QMetaType::QVariantList
            ? ignore.toStringList()
            : (ignore.toString().isEmpty() ? QStringList() : QStringList{ignore.toString()});
    auto tokens = intOption(with, kChunkTokens, 400, 50, 8000);
    if (!tokens)
        return std::unexpected(tokens.error());
    o.chunker.maxTokens = *tokens;
    if (const QString route = with.value(kRouteBase).toString().trimmed(); !route.isEmpty())
        o.chunker.routeBase = route;
    auto topK = intOption(with, kTopK, 5, 1, 100);
    if (!topK)
        return std::unexpected(topK.error());
    o.topK = *topK;
    auto batch = intOption(with, kBatchSize, 64, 1, 4096);
    if (!batch)
        return std::unexpected(batch.error());
    o.batchSize = *batch;

    QString mode = with.value(kMode).toString().trimmed();
    if (const QString forced = context.env.value(QStringLiteral("DEPLOYDESK_REEMBED_MODE"));
        !forced.isEmpty())
        mode = forced;
    if (mode.isEmpty() || mode == u"incremental")
        o.mode = ReembedOptions::Mode::Incremental;
    else if (mode == u"full")
        o.mode = ReembedOptions::Mode::Full;
    else
        return makeError(ErrorCode::Invalid,
                         tr("reembed: `mode` is \"%1\"; use incremental or full").arg(mode));

    if (const QString golden = with.value(kGolden).toString().trimmed(); !golden.isEmpty()) {
        auto questions = GoldenQuestions::load(absoluteIn(base, golden));
        if (!questions)
            return std::unexpected(questions.error());
        o.golden = *questions;
    }

    // The embedder.
    const QString embedder = with.value(kEmbedder).toString().trimmed();
    if (embedder.isEmpty() || embedder == u"local") {
        auto dimension = intOption(with, kDimension, LocalEmbedder::kDefaultDimension,
                                   LocalEmbedder::kMinDimension, LocalEmbedder::kMaxDimension);
        if (!dimension)
            return std::unexpected(dimension.error());
        setup.embedder = std::make_shared<LocalEmbedder>(*dimension);
    } else if (embedder == u"cohere") {
        CohereOptions cohere;
        if (const QString model = with.value(kModel).toString().trimmed(); !model.isEmpty())
            cohere.model = model;
        auto dimension = intOption(with, kDimension, 0, 0, 8192);
        if (!dimension)
            return std::unexpected(dimension.error());
        cohere.dimension = *dimension;
        cohere.secrets = context.secretValues;
        auto resolved = resolveCohereOptions(cohere, context.env, context.stageName);
        if (!resolved)
            return std::unexpected(resolved.error());
        setup.notes << resolved->notes;
        setup.embedder = std::make_shared<CohereEmbedder>(*resolved);
    } else {
        return makeError(ErrorCode::Invalid,
                         tr("reembed: `embedder` is \"%1\"; use local or cohere").arg(embedder));
    }

    // The index.
    QString name = with.value(kIndexName).toString().trimmed();
    if (name.isEmpty())
        name = QStringLiteral("docs");
    if (auto ok = checkIndexName(name); !ok)
        return std::unexpected(ok.error());
    const QString index = with.value(kIndex).toString().trimmed();
    const QString environment =
        context.environment.isEmpty() ? QStringLiteral("default") : context.environment;
    if (index.isEmpty() || index == u"local") {
        QString folder = with.value(kIndexFolder).toString().trimmed();
        setup.indexFolder = !folder.isEmpty()
                                ? absoluteIn(base, folder)
                                : QDir::cleanPath(context.stateDir +
                                                  QStringLiteral("/vector-index/") + environment);
        if (!QDir().mkpath(setup.indexFolder))
            return makeError(
                ErrorCode::Io,
                tr("reembed: cannot create the index folder %1").arg(setup.indexFolder));
        setup.index = std::make_shared<LocalIndex>(setup.indexFolder, name);
        o.stateDir = setup.indexFolder; // the manifests live beside the vectors
    } else if (index == u"qdrant") {
        QdrantOptions qdrant;
        qdrant.name = name;
        qdrant.baseUrl = QUrl(with.value(kQdrantUrl).toString().trimmed());
        qdrant.secrets = context.secretValues;
        auto resolved = resolveQdrantOptions(qdrant, context.env, context.stageName);
        if (!resolved)
            return std::unexpected(resolved.error());
        setup.notes << resolved->notes;
        setup.qdrantUrl = resolved->baseUrl.toString();
        setup.index = std::make_shared<QdrantIndex>(*resolved);
        o.stateDir = QDir::cleanPath(context.stateDir + QStringLiteral("/reembed/") + environment +
                                     u'/' + name);
    } else {
        return makeError(ErrorCode::Invalid,
                         tr("reembed: `index` is \"%1\"; use local or qdrant").arg(index));
    }
    return setup;
}

Result<ReembedSetup> ReembedStageOptions::readFor(const TargetRequest &request,
                                                  const Deployment &recorded)
{
    TargetRequest r = request;
    const QVariantMap &d = recorded.details;
    if (!r.with.contains(kDocs))
        r.with.insert(kDocs, QStringLiteral("."));
    if (d.contains(QStringLiteral("kind")))
        r.with.insert(kIndex, d.value(QStringLiteral("kind")));
    if (d.contains(QStringLiteral("name")))
        r.with.insert(kIndexName, d.value(QStringLiteral("name")));
    if (d.contains(QStringLiteral("folder")))
        r.with.insert(kIndexFolder, d.value(QStringLiteral("folder")));
    if (d.contains(QStringLiteral("url")) && !r.with.contains(kQdrantUrl))
        r.with.insert(kQdrantUrl, d.value(QStringLiteral("url")));
    r.with.remove(kGolden); // not needed to switch
    return read(r);
}

QString ReembedTarget::rollbackMechanism() const
{
    return ReembedStageOptions::tr("index switch");
}

Deployment ReembedTarget::deploymentOf(const ReembedSetup &setup, int version)
{
    Deployment d;
    d.target = QString::fromLatin1(kName);
    d.layer = Layer::VectorIndex;
    d.version = QStringLiteral("v%1").arg(version);
    d.createdAt = QDateTime::currentDateTimeUtc();
    d.details = QVariantMap{{QStringLiteral("kind"), setup.index->kind()},
                            {QStringLiteral("name"), setup.index->name()},
                            {QStringLiteral("version"), version}};
    if (!setup.indexFolder.isEmpty())
        d.details.insert(QStringLiteral("folder"), setup.indexFolder);
    if (!setup.qdrantUrl.isEmpty())
        d.details.insert(QStringLiteral("url"), setup.qdrantUrl);
    return d;
}

TargetJob *ReembedTarget::deploy(const TargetRequest &request, QObject *parent)
{
    auto setup = ReembedStageOptions::read(request);
    if (!setup)
        return new WrapJob(setup.error(), parent);
    auto *job = new ReembedJob(setup->embedder, setup->index, setup->options);
    auto *wrap = new WrapJob(
        job,
        [s = *setup](Job *inner) {
            const auto *reembed = static_cast<ReembedJob *>(inner);
            return QList<Deployment>{deploymentOf(s, reembed->plan().target)};
        },
        parent);
    for (const QString &note : setup->notes)
        QTimer::singleShot(0, wrap, [wrap, note] { emit wrap->logLine(note); });
    return wrap;
}

TargetJob *ReembedTarget::rollback(const TargetRequest &request, const Deployment &to,
                                   QObject *parent)
{
    auto setup = ReembedStageOptions::readFor(request, to);
    if (!setup)
        return new WrapJob(setup.error(), parent);
    const int version = to.details.value(QStringLiteral("version")).toInt();
    if (version <= 0)
        return new WrapJob(
            makeErrorValue(ErrorCode::Invalid, ReembedStageOptions::tr("the recorded index version "
                                                                       "\"%1\" names no version")
                                                   .arg(to.version)),
            parent);
    IndexJob *job = setup->index->activate(version);
    return new WrapJob(
        job, [s = *setup, version](Job *) { return QList<Deployment>{deploymentOf(s, version)}; },
        parent, setup->index);
}

TargetJob *ReembedTarget::list(const TargetRequest &request, QObject *parent)
{
    auto setup = ReembedStageOptions::read(request);
    if (!setup)
        return new WrapJob(setup.error(), parent);
    IndexJob *job = setup->index->state();
    return new WrapJob(
        job,
        [s = *setup](Job *inner) {
            QList<Deployment> all;
            const IndexState state = static_cast<IndexJob *>(inner)->state();
            for (auto it = state.versions.crbegin(); it != state.versions.crend(); ++it)
                all.append(deploymentOf(s, *it));
            return all;
        },
        parent, setup->index);
}

TargetJob *ReembedTarget::status(const TargetRequest &request, QObject *parent)
{
    auto setup = ReembedStageOptions::read(request);
    if (!setup)
        return new WrapJob(setup.error(), parent);
    IndexJob *job = setup->index->state();
    return new WrapJob(
        job,
        [s = *setup](Job *inner) {
            const IndexState state = static_cast<IndexJob *>(inner)->state();
            return state.live ? QList<Deployment>{deploymentOf(s, *state.live)}
                              : QList<Deployment>{};
        },
        parent, setup->index);
}

TargetJob *ReembedTarget::health(const TargetRequest &request, const Deployment &deployment,
                                 QObject *parent)
{
    auto setup = ReembedStageOptions::readFor(request, deployment);
    if (!setup)
        return new WrapJob(setup.error(), parent);
    IndexJob *job =
        setup->index->count(deployment.details.value(QStringLiteral("version")).toInt());
    return new WrapJob(job, {}, parent, setup->index);
}

void registerReembed()
{
    TargetRegistry::instance().add(QString::fromLatin1(ReembedTarget::kName),
                                   [] { return std::make_unique<ReembedTarget>(); });
    StageTypeRegistry::instance().add(
        QString::fromLatin1(ReembedTarget::kName),
        ReembedStageOptions::tr("re-embed the docs into a versioned vector index (incremental "
                                "or a validated blue/green rebuild)"),
        [] { return std::make_unique<DeployStage>(std::make_unique<ReembedTarget>()); },
        ReembedStageOptions::params());
}

} // namespace DeployDesk::Data
