#include "deploy/localsite/localsitetarget.h"

#include "deploy/localsite/localsitedeployjob.h"
#include "deploy/localsite/sitehealthjob.h"
#include "deploy/localsite/sitelayout.h"
#include "deploy/localsite/sitelock.h"
#include "deploy/localsite/siteoptions.h"
#include "deploy/localsite/sitequeryjob.h"

#include <QFileInfo>

namespace DeployDesk {
namespace {
using namespace LocalSite;

const QString kName = QStringLiteral("local-site");

// The options of a request about an existing deployment: its own root wins (it is where
// that version was put, even if the stage's `root` changed since).
Result<SiteOptions> optionsFor(const TargetRequest &request, const Deployment *about)
{
    TargetRequest adjusted = request;
    const QString root =
        about ? about->details.value(QStringLiteral("root")).toString() : QString();
    if (!root.isEmpty())
        adjusted.with.insert(QStringLiteral("root"), root);
    return SiteOptionsReader::read(adjusted, false);
}

TargetJob *failed(Error error, QObject *parent)
{
    return new SiteQueryJob(
        [error](const SiteQueryJob::LogFunction &) -> Result<QList<Deployment>> {
            return std::unexpected(error);
        },
        parent);
}

// Deployment of a release as this request sees it (the url of the stage when the release
// recorded none).
Deployment describe(const SiteLayout &layout, ReleaseInfo info, const SiteOptions &options)
{
    if (info.url.isEmpty())
        info.url = options.urlFor(info.preview, info.folder);
    return layout.toDeployment(info);
}
} // namespace

QString LocalSiteTarget::name() const
{
    return kName;
}

ParamSchema LocalSiteTarget::params() const
{
    return SiteOptionsReader::params();
}

QString LocalSiteTarget::rollbackMechanism() const
{
    return tr("symlink switch");
}

TargetJob *LocalSiteTarget::deploy(const TargetRequest &request, QObject *parent)
{
    return new LocalSiteDeployJob(request, parent);
}

TargetJob *LocalSiteTarget::rollback(const TargetRequest &request, const Deployment &to,
                                     QObject *parent)
{
    auto options = optionsFor(request, &to);
    if (!options)
        return failed(options.error(), parent);
    return new SiteQueryJob(
        [options = *options,
         to](const SiteQueryJob::LogFunction &log) -> Result<QList<Deployment>> {
            if (to.details.value(QStringLiteral("preview")).toBool())
                return makeError(ErrorCode::Invalid,
                                 tr("%1 is a branch preview; previews are not rolled back: "
                                    "deploy the branch again")
                                     .arg(to.version));
            const SiteLayout layout(options.root);
            if (!QFileInfo(layout.releasesDir()).isDir())
                return makeError(
                    ErrorCode::NotFound,
                    tr("there are no releases in %1 to roll back to").arg(options.root));
            if (auto created = layout.create(); !created)
                return std::unexpected(created.error());
            SiteLock lock(layout.lockFile());
            auto locked = lock.tryLock();
            if (!locked)
                return std::unexpected(locked.error());
            if (!*locked)
                return makeError(ErrorCode::Conflict,
                                 tr("a deploy to %1 is in progress; roll back when it has "
                                    "finished")
                                     .arg(options.root));
            auto release = layout.release(to.version);
            if (!release) {
                const QStringList ids = layout.releaseIds();
                return makeError(ErrorCode::NotFound,
                                 ids.isEmpty()
                                     ? tr("release %1 is no longer in %2 (pruned); there are no "
                                          "releases left")
                                           .arg(to.version, layout.releasesDir())
                                     : tr("release %1 is no longer in %2 (pruned: local-site "
                                          "keeps the last %3); releases there: %4")
                                           .arg(to.version, layout.releasesDir())
                                           .arg(options.keep)
                                           .arg(ids.join(QStringLiteral(", "))));
            }
            const auto before = layout.currentRelease();
            if (auto switched = layout.switchCurrent(to.version); !switched)
                return std::unexpected(switched.error());
            log(before && !before->isEmpty()
                    ? tr("current → releases/%1 (was releases/%2)").arg(to.version, *before)
                    : tr("current → releases/%1").arg(to.version));
            return QList<Deployment>{describe(layout, *release, options)};
        },
        parent);
}

TargetJob *LocalSiteTarget::list(const TargetRequest &request, QObject *parent)
{
    auto options = optionsFor(request, nullptr);
    if (!options)
        return failed(options.error(), parent);
    return new SiteQueryJob(
        [options = *options](const SiteQueryJob::LogFunction &) -> Result<QList<Deployment>> {
            const SiteLayout layout(options.root);
            QList<Deployment> all;
            for (const ReleaseInfo &info : layout.releases())
                all.append(describe(layout, info, options));
            for (const ReleaseInfo &info : layout.previews())
                all.append(describe(layout, info, options));
            return all;
        },
        parent);
}

TargetJob *LocalSiteTarget::status(const TargetRequest &request, QObject *parent)
{
    auto options = optionsFor(request, nullptr);
    if (!options)
        return failed(options.error(), parent);
    return new SiteQueryJob(
        [options = *options](const SiteQueryJob::LogFunction &) -> Result<QList<Deployment>> {
            const SiteLayout layout(options.root);
            const auto live = layout.currentRelease();
            if (!live)
                return std::unexpected(live.error());
            if (live->isEmpty())
                return QList<Deployment>{};
            auto release = layout.release(*live);
            if (!release)
                return makeError(ErrorCode::NotFound,
                                 tr("%1/current points at releases/%2, which is missing")
                                     .arg(options.root, *live));
            return QList<Deployment>{describe(layout, *release, options)};
        },
        parent);
}

TargetJob *LocalSiteTarget::health(const TargetRequest &request, const Deployment &deployment,
                                   QObject *parent)
{
    auto options = optionsFor(request, &deployment);
    if (!options)
        return failed(options.error(), parent);
    const SiteLayout layout(options->root);
    const bool preview = deployment.details.value(QStringLiteral("preview")).toBool();
    QString folder = deployment.details.value(QStringLiteral("path")).toString();
    if (folder.isEmpty())
        folder =
            preview
                ? layout.previewPath(deployment.details.value(QStringLiteral("folder")).toString())
                : layout.releasePath(deployment.version);
    QString url = deployment.url;
    if (url.isEmpty())
        url =
            options->urlFor(preview, deployment.details.value(QStringLiteral("folder")).toString());
    return new SiteHealthJob(folder + u'/' + options->index, QUrl(url), parent);
}

void registerLocalSite()
{
    TargetRegistry::instance().add(kName, [] { return std::make_unique<LocalSiteTarget>(); });
    StageTypeRegistry::instance().add(
        kName,
        QStringLiteral("publish a build folder as a release under a deploy root and switch the "
                       "current link to it"),
        [] { return std::make_unique<DeployStage>(std::make_unique<LocalSiteTarget>()); },
        SiteOptionsReader::params());
}

} // namespace DeployDesk
