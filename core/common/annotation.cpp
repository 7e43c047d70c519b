#include "common/annotation.h"

#include <QCoreApplication>

namespace DeployDesk {

QString annotationLevelName(Annotation::Level level)
{
    switch (level) {
    case Annotation::Level::Error:
        return QStringLiteral("error");
    case Annotation::Level::Warning:
        return QStringLiteral("warning");
    case Annotation::Level::Notice:
        break;
    }
    return QStringLiteral("notice");
}

Annotation::Level annotationLevelFromName(const QString &name)
{
    if (name == u"error")
        return Annotation::Level::Error;
    if (name == u"warning")
        return Annotation::Level::Warning;
    return Annotation::Level::Notice;
}

QString annotationLocation(const Annotation &a)
{
    QString where = a.file;
    if (!where.isEmpty() && a.line > 0) {
        where += u':' + QString::number(a.line);
        if (a.column > 0)
            where += u':' + QString::number(a.column);
    }
    return where;
}

QString annotationText(const Annotation &a)
{
    const char *level =
        a.level == Annotation::Level::Error     ? QT_TRANSLATE_NOOP("DeployDesk", "Error")
        : a.level == Annotation::Level::Warning ? QT_TRANSLATE_NOOP("DeployDesk", "Warning")
                                                : QT_TRANSLATE_NOOP("DeployDesk", "Notice");
    const QString levelText = QCoreApplication::translate("DeployDesk", level);
    const QString message =
        a.title.isEmpty() ? a.message : a.title + QStringLiteral(": ") + a.message;
    const QString where = annotationLocation(a);
    return where.isEmpty()
               ? QCoreApplication::translate("DeployDesk", "%1: %2").arg(levelText, message)
               : QCoreApplication::translate("DeployDesk", "%1: %2: %3")
                     .arg(levelText, where, message);
}

} // namespace DeployDesk
