#include "data/index/indextypes.h"

#include "common/translate.h"

#include <QRegularExpression>

#include <cmath>

namespace DeployDesk::Data {
bool isValidPointId(const QString &id)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(id).hasMatch();
}

Result<void> checkPoints(const QList<IndexPoint> &points, int dimension)
{
    for (qsizetype i = 0; i < points.size(); ++i) {
        const IndexPoint &point = points.at(i);
        if (!isValidPointId(point.id))
            return makeError(ErrorCode::Invalid,
                             tr("point %1 of %2: id \"%3\" is not a UUID; Qdrant takes only "
                                "UUIDs or unsigned integers (make ids with Chunk::idString())")
                                 .arg(i + 1)
                                 .arg(points.size())
                                 .arg(point.id));
        if (point.vector.size() != dimension)
            return makeError(ErrorCode::Invalid,
                             tr("point %1 of %2 (%3): its vector has %4 dimensions, the index "
                                "version holds %5")
                                 .arg(i + 1)
                                 .arg(points.size())
                                 .arg(point.id)
                                 .arg(point.vector.size())
                                 .arg(dimension));
        for (const float v : point.vector) {
            if (!std::isfinite(v))
                return makeError(ErrorCode::Invalid,
                                 tr("point %1 of %2 (%3): its vector holds NaN or infinity")
                                     .arg(i + 1)
                                     .arg(points.size())
                                     .arg(point.id));
        }
    }
    return {};
}

QString versionName(const QString &index, int version)
{
    return QStringLiteral("%1_v%2").arg(index).arg(version);
}

Result<void> checkIndexName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"));
    if (!valid.match(name).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("an index name is 1 to 64 letters, digits, '-' or '_' (it names "
                            "files and Qdrant collections), such as docs; found \"%1\"")
                             .arg(name));
    return {};
}

} // namespace DeployDesk::Data
