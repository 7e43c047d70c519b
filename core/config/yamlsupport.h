#pragma once

// Helpers shared by the loader's readers. Only the config module includes yaml-cpp.

#include "config/pipelineloader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace DeployDesk::Internal {

// Collects diagnostics with 1-based positions for one file.
class DiagnosticList final
{
public:
    explicit DiagnosticList(QString file)
        : m_file(std::move(file))
    {}

    SourceLocation location(const YAML::Mark &mark) const;
    SourceLocation location(int line, int column) const;
    void add(const YAML::Mark &mark, const QString &message);
    void add(const SourceLocation &where, const QString &message);
    // This file's reports first, sorted by (line, column), then those in other files
    // (env-files), file by file in the order they were first reported; reports at one
    // position keep their order.
    QList<Diagnostic> takeSorted();
    bool isEmpty() const { return m_list.isEmpty(); }
    qsizetype size() const { return m_list.size(); }
    const QString &file() const { return m_file; }

private:
    QString m_file;
    QList<Diagnostic> m_list;
};

// One key: value of a YAML map.
struct MapEntry
{
    QString key;
    YAML::Node keyNode;
    YAML::Node value;

    // Where to point at a problem with the value: the value, or the key when the value
    // is empty (yaml-cpp places an empty value at the next token).
    YAML::Mark valueMark() const;
};

// The entries of a map in file order. Reports keys that are not plain strings and keys
// given twice (the first one wins): `duplicateMessage` gets the key and the 1-based line
// of its first occurrence.
using DuplicateMessage = QString (*)(const QString &key, int firstLine, const QString &context);
QList<MapEntry> mapEntries(const YAML::Node &map, DiagnosticList &diagnostics,
                           const QString &context, DuplicateMessage duplicateMessage = nullptr);

// `unknown key "x" in <context>; did you mean "y"?` (or the allowed keys).
void reportUnknownKey(DiagnosticList &diagnostics, const MapEntry &entry,
                      const QStringList &allowed, const QString &context);

// What a node is, for "found ..." in messages: `"text"`, `a list`, `a map`, `nothing`.
// The mark of the second YAML document of `text` (its root node), if it has one. Reads
// at most two documents: yaml-cpp 0.7's LoadAll() never returns for a document that
// starts with "," (it reads the same empty document forever, allocating each time;
// jbeder/yaml-cpp issue #1040, fixed after 0.7.0 by pull request #1319), so
// the loader reads the first with Load() and asks this whether another follows.
// Throws what yaml-cpp's parser throws for a syntax error in either document.
std::optional<YAML::Mark> secondDocumentMark(const std::string &text);

// One YAML document as a loader reads it. parseDocument() refuses a NUL byte and invalid
// UTF-8 where they are, bounds the size of the document once its aliases are expanded and
// reports syntax errors with their position; it returns nullopt after reporting. A second
// document is not an error here: the loader reports it after the first one's problems.
struct ParsedDocument
{
    YAML::Node root;
    std::optional<YAML::Mark> secondDocument;
};
std::optional<ParsedDocument> parseDocument(const QByteArray &yaml, DiagnosticList &d);
// Runs a loader's `read` of a parsed document: an exception yaml-cpp throws past the
// readers' type checks (a bug) becomes an "internal error" diagnostic; a second document is
// reported after the first one's problems.
void readDocument(const ParsedDocument &parsed, DiagnosticList &d,
                  const std::function<void()> &read);

QString describe(const YAML::Node &node);
QString scalarText(const YAML::Node &node);

// Readers: each reports `<what> must be ...; found ...` and returns nullopt on error.
// `what` names the value, e.g. `"timeout" of stage "build"`.
std::optional<QString> readString(const MapEntry &e, const QString &what, DiagnosticList &d,
                                  bool allowEmpty = false);
std::optional<bool> readBool(const MapEntry &e, const QString &what, DiagnosticList &d);
std::optional<int> readInt(const MapEntry &e, const QString &what, int min, int max,
                           const QString &expected, DiagnosticList &d);
std::optional<std::chrono::milliseconds> readDuration(const MapEntry &e, const QString &what,
                                                      DiagnosticList &d);

// A list of strings or a single string; each item with its position.
struct ListItem
{
    QString value;
    SourceLocation where;
};
std::optional<QList<ListItem>> readStringList(const MapEntry &e, const QString &what,
                                              DiagnosticList &d);

// A map of environment variable name -> scalar (string, number or boolean).
std::optional<QMap<QString, QString>> readVariables(const MapEntry &e, const QString &what,
                                                    DiagnosticList &d);

// Any YAML value as QVariant (scalars as strings). Gives up past `budget` nodes or a
// nesting of 32, so aliases cannot blow it up.
std::optional<QVariant> toVariant(const YAML::Node &node, int &budget, int depth = 0);

bool isVariableName(const QString &name);

// Whether a relative path has a ".." part (with "/" or "\\" between parts).
bool hasParentComponent(const QString &path);

} // namespace DeployDesk::Internal
