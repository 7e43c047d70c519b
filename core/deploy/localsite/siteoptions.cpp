#include "deploy/localsite/siteoptions.h"

#include "deploy/deploytarget.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace DeployDesk::LocalSite {
namespace {
const QString kFrom = QStringLiteral("from");
const QString kRoot = QStringLiteral("root");
const QString kKeep = QStringLiteral("keep");
const QString kUrl = QStringLiteral("url");
const QString kPreview = QStringLiteral("preview");
const QString kBranch = QStringLiteral("branch");
const QString kIndex = QStringLiteral("index");
const QString kServe = QStringLiteral("serve");

QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir(base).filePath(path));
}

std::optional<bool> toBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true" || text == u"yes" || text == u"on" || text == u"1")
        return true;
    if (text == u"false" || text == u"no" || text == u"off" || text == u"0" || text.isEmpty())
        return false;
    return std::nullopt;
}
} // namespace

QString SiteOptions::urlFor(bool isPreview, const QString &branchFolder) const
{
    if (url.isEmpty())
        return {};
    return isPreview ? url + QStringLiteral("previews/") + branchFolder + u'/' : url;
}

ParamSchema SiteOptionsReader::params()
{
    using K = ParamSpec::Kind;
    return {
        {kFrom,
         K::String,
         true,
         tr("the build folder to publish, relative to the workspace"),
         {},
         0,
         0},
        {kRoot,
         K::String,
         false,
         tr("the deploy root holding releases/, previews/ and the current link; default: "
            "DeployDesk's state folder/sites/<environment>"),
         {},
         0,
         0},
        {kKeep, K::Int, false, tr("how many releases to keep (default 5)"), {}, 1, 10'000},
        {kUrl,
         K::String,
         false,
         tr("where the web server answers for the current release (default: the environment's "
            "url)"),
         {},
         0,
         0},
        {kPreview,
         K::Bool,
         false,
         tr("publish to previews/<branch>/ instead of making a release live"),
         {},
         0,
         0},
        {kBranch,
         K::String,
         false,
         tr("the preview's branch (default: the workspace's git branch)"),
         {},
         0,
         0},
        {kIndex,
         K::String,
         false,
         tr("the page the health check looks for (default index.html)"),
         {},
         0,
         0},
        {kServe,
         K::Bool,
         false,
         tr("keep python3's http.server answering at \"url\" for the live release (no web "
            "server needed)"),
         {},
         0,
         0},
    };
}

Result<SiteOptions> SiteOptionsReader::read(const TargetRequest &request, bool needFrom)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    const QString base =
        context.workspaceDir.isEmpty() ? QDir::currentPath() : context.workspaceDir;
    SiteOptions options;
    options.runId = context.runId;
    options.commit = context.commit;

    const QString from = with.value(kFrom).toString().trimmed();
    if (needFrom && from.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("local-site needs \"from\": the build folder to publish (relative to "
                            "the workspace), e.g. from: site/dist"));
    if (!from.isEmpty())
        options.from = absoluteIn(base, from);

    const QString root = with.value(kRoot).toString().trimmed();
    if (!root.isEmpty()) {
        options.root = absoluteIn(base, root);
    } else if (!context.stateDir.isEmpty() && !context.environment.isEmpty()) {
        options.root =
            QDir::cleanPath(context.stateDir + QStringLiteral("/sites/") + context.environment);
    } else {
        return makeError(ErrorCode::Invalid,
                         tr("local-site needs \"root\" (the folder releases go to) when it runs "
                            "without an environment or a state folder"));
    }

    if (with.contains(kKeep)) {
        bool ok = false;
        options.keep = with.value(kKeep).toString().trimmed().toInt(&ok);
        if (!ok || options.keep < 1)
            return makeError(ErrorCode::Invalid,
                             tr("\"keep\" must be a whole number of releases, 1 or more; found "
                                "\"%1\"")
                                 .arg(with.value(kKeep).toString()));
    }

    options.url = with.value(kUrl).toString().trimmed();
    if (options.url.isEmpty())
        options.url = context.environmentUrl.trimmed();
    if (!options.url.isEmpty()) {
        const QUrl url(options.url, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
            return makeError(
                ErrorCode::Invalid,
                tr("\"url\" must be a URL such as http://127.0.0.1:8080/; found \"%1\"")
                    .arg(options.url));
        if (!options.url.endsWith(u'/'))
            options.url += u'/';
    }

    const auto preview = toBool(with.value(kPreview));
    if (!preview)
        return makeError(ErrorCode::Invalid, tr("\"preview\" must be true or false; found \"%1\"")
                                                 .arg(with.value(kPreview).toString()));
    options.preview = *preview;
    options.sourceBranch = with.value(kBranch).toString().trimmed();
    if (options.sourceBranch.isEmpty())
        options.sourceBranch = context.branch;
    if (options.preview) {
        options.branch = sanitiseBranch(options.sourceBranch);
        if (options.branch.isEmpty())
            return makeError(ErrorCode::Invalid,
                             options.sourceBranch.isEmpty()
                                 ? tr("a preview needs a branch, and the workspace is on none "
                                      "(a detached HEAD?); set \"branch\" in \"with\"")
                                 : tr("branch \"%1\" leaves no usable folder name for a preview; "
                                      "set \"branch\" in \"with\"")
                                       .arg(options.sourceBranch));
    }

    const QString index = with.value(kIndex).toString().trimmed();
    if (!index.isEmpty()) {
        if (QDir::isAbsolutePath(index) || QDir::cleanPath(index).startsWith(QStringLiteral("..")))
            return makeError(ErrorCode::Invalid,
                             tr("\"index\" must be a path inside the site such as index.html; "
                                "found \"%1\"")
                                 .arg(index));
        options.index = QDir::cleanPath(index);
    }
    const QVariant serve = with.value(kServe);
    options.serve = serve.typeId() == QMetaType::Bool ? serve.toBool()
                                                      : serve.toString() == QLatin1String("true");
    if (options.serve && (options.url.isEmpty() || options.preview))
        return makeError(ErrorCode::Invalid,
                         options.preview
                             ? tr("\"serve\" serves the live release, not a preview; drop it "
                                  "from the preview stage")
                             : tr("\"serve\" needs \"url\" (where to answer), such as "
                                  "http://127.0.0.1:8471/"));
    return options;
}

QString SiteOptionsReader::sanitiseBranch(const QString &branch)
{
    constexpr qsizetype kMaxLength = 63;
    QString out;
    out.reserve(branch.size());
    for (const QChar c : branch.toLower()) {
        const bool safe = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' ||
                          c == u'_' || c == u'-';
        if (safe)
            out += c;
        else if (!out.endsWith(u'-'))
            out += u'-';
    }
    // No hidden folder, no "..", no separator at either end.
    while (!out.isEmpty() && (out.front() == u'.' || out.front() == u'-'))
        out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == u'.' || out.back() == u'-'))
        out.chop(1);
    if (out.size() > kMaxLength) {
        const QByteArray hash =
            QCryptographicHash::hash(branch.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
        out = out.left(kMaxLength - 9);
        while (out.endsWith(u'-') || out.endsWith(u'.'))
            out.chop(1);
        out += u'-' + QString::fromLatin1(hash);
    }
    return out;
}

} // namespace DeployDesk::LocalSite
