#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace DeployDesk {

// One parameter a built-in stage type takes in `with:`, checked when the pipeline loads
// (file:line:column, like every other key). A value that contains `$` is expanded from
// the stage's environment when the stage starts (so an environment's variables or its
// env-file can set it per environment), and is checked then instead.
struct ParamSpec
{
    enum class Kind {
        String,     // any scalar
        Int,        // a whole number in [min, max]
        Bool,       // true / false
        Duration,   // 500ms, 10s, 5m, 1h
        StringList, // a list of scalars (a single scalar counts as a list of one)
        Choice,     // one of `choices`
    };
    QString name;
    Kind kind = Kind::String;
    bool required = false;
    QString help; // what it is, for messages and `deploydeskctl validate`
    QStringList choices;
    qint64 min = 0;
    qint64 max = 1'000'000'000;
};

using ParamSchema = QList<ParamSpec>;

} // namespace DeployDesk
