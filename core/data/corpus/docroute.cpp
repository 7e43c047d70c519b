#include "data/corpus/docroute.h"

#include <QRegularExpression>
#include <QStringList>

namespace DeployDesk {

namespace {

// "/a/./b/../c" -> "/a/c"; keeps a trailing slash.
QString normalizePath(const QString &path)
{
    const bool trailing = path.endsWith(u'/');
    QStringList out;
    for (const QString &segment : path.split(u'/', Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (!out.isEmpty())
                out.removeLast();
            continue;
        }
        out.append(segment);
    }
    QString result = u'/' + out.join(u'/');
    if (trailing && !out.isEmpty())
        result += u'/';
    return result;
}

// URL resolution of a relative `to` against the folder URL `from` (which ends with "/").
QString resolvePathname(const QString &to, const QString &from)
{
    if (to.startsWith(u'/'))
        return normalizePath(to);
    return normalizePath(from + to);
}

} // namespace

QString DocRoute::stripNumberPrefix(const QString &name, std::optional<int> *prefix)
{
    static const QRegularExpression ignored(QStringLiteral(
        "^((\\d{2}|\\d{4})[-_.]\\d{2}([-_.](\\d{2}|\\d{4}))?)(.*)$|^(\\d+[-_.]\\d+)(.*)$"));
    static const QRegularExpression numbered(QStringLiteral("^(\\d+)\\s*[-_.]+\\s*([^-_.\\s].*)$"));
    if (prefix)
        prefix->reset();
    if (ignored.match(name).hasMatch())
        return name;
    const QRegularExpressionMatch m = numbered.match(name);
    if (!m.hasMatch())
        return name;
    if (prefix)
        *prefix = m.captured(1).toInt();
    return m.captured(2);
}

DocRoute DocRoute::resolve(const QString &docPath, const QString &frontMatterId,
                           const QString &frontMatterSlug, const QString &routeBase)
{
    DocRoute route;
    const qsizetype slash = docPath.lastIndexOf(u'/');
    const QString dirName = slash < 0 ? QString() : docPath.left(slash);
    const QString fileName = docPath.mid(slash + 1);
    const qsizetype dot = fileName.lastIndexOf(u'.');
    const QString stem = dot > 0 ? fileName.left(dot) : fileName;

    const QString unprefixed = stripNumberPrefix(stem, &route.numberPrefix);
    route.id = frontMatterId.isEmpty() ? unprefixed : frontMatterId;

    QStringList dirs = dirName.split(u'/', Qt::SkipEmptyParts);
    QStringList strippedDirs;
    for (const QString &d : std::as_const(dirs))
        strippedDirs.append(stripNumberPrefix(d));
    const QString dirSlug =
        strippedDirs.isEmpty() ? QStringLiteral("/") : u'/' + strippedDirs.join(u'/') + u'/';

    const QString lowerStem = stem.toLower();
    const bool conventionalIndex = lowerStem == QLatin1String("index") ||
                                   lowerStem == QLatin1String("readme") ||
                                   (!dirs.isEmpty() && lowerStem == dirs.last().toLower());

    if (frontMatterSlug.startsWith(u'/'))
        route.slug = normalizePath(frontMatterSlug);
    else if (frontMatterSlug.isEmpty() && conventionalIndex)
        route.slug = dirSlug;
    else
        route.slug =
            resolvePathname(frontMatterSlug.isEmpty() ? route.id : frontMatterSlug, dirSlug);

    QString base = routeBase;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.isEmpty() && !base.startsWith(u'/'))
        base.prepend(u'/');
    route.url = base + route.slug;
    return route;
}

} // namespace DeployDesk
