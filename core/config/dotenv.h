#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace DeployDesk {

// Parses a dotenv file (`env-file:` of an environment), reporting every problem at once
// with its 1-based line and column. The syntax, line by line:
//
//   # a comment                  blank lines and comments are skipped
//   NAME=value                   whitespace around "=" and around the value is trimmed
//   export NAME=value            "export " in front is allowed
//   NAME=value # comment         " #" starts a comment in an unquoted value ("a#b" is kept)
//   NAME='lit $x \n'             single quotes: literal, on one line
//   NAME="a\nb \"q\" \\"         double quotes: \n \r \t \" \\ are escapes (any other
//                                backslash is kept); the value may span lines
//   NAME=                        an empty value
//
// Names match [A-Za-z_][A-Za-z0-9_]*. Lines end with LF or CRLF; a UTF-8 byte order mark
// at the start is skipped. Values are taken as written: no $NAME expansion. A name given
// twice keeps both entries in `variables`; toMap() keeps the last one, as a shell would.
// Problem messages never quote a value.
class DotEnv final
{
public:
    struct Variable
    {
        QString name;
        QString value;
        int line = 0;   // of the name, 1-based
        int column = 0; // of the name, 1-based, in characters
    };
    struct Problem
    {
        int line = 0;
        int column = 0;
        QString message;
    };
    struct Result
    {
        QList<Variable> variables; // in file order
        QList<Problem> problems;   // in file order
        bool ok() const { return problems.isEmpty(); }
        QMap<QString, QString> toMap() const;
    };

    // After this many problems the rest of the file is not read.
    static constexpr int maxProblems = 100;

    static Result parse(const QByteArray &content);
};

} // namespace DeployDesk
