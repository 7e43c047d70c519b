#include "common/bytesize.h"

#include <QLocale>
#include <QRegularExpression>

namespace DeployDesk {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

qint64 parseBytes(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,9})\\s*([kKmMgG]?)B?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    return n * (unit == QLatin1String("k")   ? 1000
                : unit == QLatin1String("m") ? 1000 * 1000
                : unit == QLatin1String("g") ? 1000 * 1000 * 1000
                                             : 1);
}

} // namespace DeployDesk
