#pragma once

#include <QList>
#include <QString>

namespace DeployDesk {

// An error, warning or notice a job reported about a place in the code (GitHub's
// `::error file=…,line=…::message`, or `##[error]` in a log from GitHub), kept with its
// stage so it is shown there and not only as a log line.
struct Annotation
{
    enum class Level { Notice, Warning, Error };
    Level level = Level::Notice;
    QString file; // as the job named it; may be empty
    int line = 0; // 1-based; 0: none
    int column = 0;
    QString title;
    QString message;

    bool operator==(const Annotation &) const = default;
};

// The stable lowercase name of a level ("error"...), as stored, and back (Notice for an
// unknown name).
QString annotationLevelName(Annotation::Level level);
Annotation::Level annotationLevelFromName(const QString &name);

// "src/app.py:3:7", "src/app.py:3", "src/app.py" or "".
QString annotationLocation(const Annotation &annotation);

// As DeployDesk shows one in a log and a terminal: "Error: src/app.py:3:7: message"
// (translated level, the title before the message when there is one).
QString annotationText(const Annotation &annotation);

} // namespace DeployDesk
