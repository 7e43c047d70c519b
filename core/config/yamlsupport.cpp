#include "config/yamlsupport.h"

#include "common/duration.h"
#include "common/logging.h"
#include "config/aliasbudget.h"
#include "config/messages.h"
#include "config/suggest.h"
#include "log/utf8.h"

#include <QHash>
#include <QRegularExpression>
#include <QVariantList>
#include <QVariantMap>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <tuple>

namespace DeployDesk::Internal {

SourceLocation DiagnosticList::location(const YAML::Mark &mark) const
{
    // yaml-cpp marks are 0-based; a null mark (-1) means "unknown": point at the start.
    return location(std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1);
}

SourceLocation DiagnosticList::location(int line, int column) const
{
    return SourceLocation{m_file, line, column};
}

void DiagnosticList::add(const YAML::Mark &mark, const QString &message)
{
    add(location(mark), message);
}

void DiagnosticList::add(const SourceLocation &where, const QString &message)
{
    m_list.append(Diagnostic{where, message});
}

QList<Diagnostic> DiagnosticList::takeSorted()
{
    QHash<QString, int> fileRank{{m_file, 0}};
    for (const Diagnostic &d : std::as_const(m_list)) {
        if (!fileRank.contains(d.where.file))
            fileRank.insert(d.where.file, int(fileRank.size()));
    }
    std::stable_sort(
        m_list.begin(), m_list.end(), [&fileRank](const Diagnostic &a, const Diagnostic &b) {
            return std::tuple(fileRank.value(a.where.file), a.where.line, a.where.column) <
                   std::tuple(fileRank.value(b.where.file), b.where.line, b.where.column);
        });
    return std::exchange(m_list, {});
}

YAML::Mark MapEntry::valueMark() const
{
    return value.IsNull() ? keyNode.Mark() : value.Mark();
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

namespace {

// Keeps the mark of the first node of the current document.
class RootMark final : public YAML::EventHandler
{
public:
    std::optional<YAML::Mark> mark;
    YAML::Mark start; // of the current document

    void OnDocumentStart(const YAML::Mark &m) override
    {
        mark.reset();
        start = m;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &m, YAML::anchor_t) override { note(m); }
    void OnAlias(const YAML::Mark &m, YAML::anchor_t) override { note(m); }
    void OnScalar(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {
        note(m);
    }
    void OnSequenceStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        note(m);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        note(m);
    }
    void OnMapEnd() override {}

private:
    void note(const YAML::Mark &m)
    {
        if (!mark)
            mark = m;
    }
};

} // namespace

std::optional<YAML::Mark> secondDocumentMark(const std::string &text)
{
    std::istringstream in(text);
    YAML::Parser parser(in);
    RootMark root;
    if (!parser.HandleNextDocument(root))
        return std::nullopt;
    const YAML::Mark first = root.start;
    if (!parser.HandleNextDocument(root))
        return std::nullopt;
    if (root.start.pos == first.pos) {
        // The parser did not move: a token no document may start with (a "," outside
        // of a [ ] or { } list), which LoadAll() would read again forever.
        throw YAML::ParserException(first, "a document cannot start with \",\" or this "
                                           "character; quote the value or remove it");
    }
    return root.mark ? root.mark : std::optional<YAML::Mark>(root.start);
}

namespace {

// The 1-based line and column (in characters) of byte `offset` of UTF-8 `text`.
SourceLocation positionOf(QByteArrayView text, qsizetype offset, const DiagnosticList &d)
{
    const QByteArrayView before = text.first(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) // not a continuation byte
            ++column;
    }
    return d.location(int(before.count('\n')) + 1, column);
}

// yaml-cpp reads bytes: a NUL ends its scanner's view of a line in odd places, and invalid
// UTF-8 becomes U+FFFD without a word. Both are refused first, where they are.
bool checkText(const QByteArray &yaml, DiagnosticList &d)
{
    const qsizetype valid = Internal::validUtf8Prefix(yaml);
    const qsizetype nul = yaml.indexOf('\0');
    if (nul >= 0 && nul <= valid) {
        d.add(positionOf(yaml, nul, d),
              msg("the file holds a NUL byte (0x00); YAML files are UTF-8 text: remove it "
                  "(a file saved as UTF-16 has them everywhere: save it as UTF-8)"));
        return true;
    }
    if (valid < yaml.size()) {
        d.add(positionOf(yaml, valid, d),
              msg("the file is not valid UTF-8: byte 0x%1 here does not belong to a UTF-8 "
                  "character; save the file as UTF-8 (or fix this character)")
                  .arg(static_cast<unsigned char>(yaml[valid]), 2, 16, QLatin1Char('0')));
        return true;
    }
    return false;
}

} // namespace

std::optional<ParsedDocument> parseDocument(const QByteArray &yaml, DiagnosticList &d)
{
    if (checkText(yaml, d))
        return std::nullopt;
    ParsedDocument parsed;
    try {
        const std::string text = yaml.toStdString();
        if (const auto exceeded = checkExpandedSize(text)) {
            const QString megabytes = QString::number(exceeded->limit / (1024 * 1024));
            d.add(exceeded->mark,
                  exceeded->anchorName.isEmpty()
                      ? msg("the file grows past %1 MB once its aliases are expanded; use "
                            "fewer aliases")
                            .arg(megabytes)
                      : msg("the file grows past %1 MB once its aliases are expanded (this "
                            "\"*%2\" repeats a large value); use fewer aliases or a smaller "
                            "anchored value")
                            .arg(megabytes, exceeded->anchorName));
            return std::nullopt;
        }
        parsed.root = YAML::Load(text);
        parsed.secondDocument = secondDocumentMark(text);
    } catch (const YAML::DeepRecursion &e) {
        d.add(e.mark, msg("YAML syntax error: the file is nested too deeply (more than %1 "
                          "levels)")
                          .arg(e.depth()));
    } catch (const YAML::ParserException &e) {
        d.add(e.mark, msg("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
    } catch (const YAML::Exception &e) {
        d.add(e.mark, msg("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        d.add(d.location(1, 1),
              msg("cannot parse the file: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    if (!d.isEmpty())
        return std::nullopt;
    return parsed;
}

void readDocument(const ParsedDocument &parsed, DiagnosticList &d,
                  const std::function<void()> &read)
{
    try {
        read();
        if (parsed.secondDocument) {
            d.add(*parsed.secondDocument, msg("the file holds more than one YAML document; keep "
                                              "only the first (remove this \"---\" and what "
                                              "follows)"));
        }
    } catch (const YAML::Exception &e) {
        // The readers check node types before converting; reaching this is a bug.
        qCWarning(lcConfig) << "unexpected yaml-cpp exception:" << e.what();
        d.add(e.mark,
              msg("internal error while reading the file: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        qCWarning(lcConfig) << "unexpected exception:" << e.what();
        d.add(
            d.location(1, 1),
            msg("internal error while reading the file: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return msg("a map");
    case YAML::NodeType::Sequence:
        return msg("a list");
    case YAML::NodeType::Scalar: {
        constexpr qsizetype maxShown = 60;
        QString text = scalarText(node);
        const qsizetype newline = text.indexOf(u'\n');
        if (newline >= 0 || text.size() > maxShown)
            text = text.left(std::min(newline < 0 ? maxShown : newline, maxShown)) +
                   QStringLiteral("...");
        return u'"' + text + u'"';
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return msg("nothing");
}

static QString defaultDuplicateMessage(const QString &key, int firstLine, const QString &context)
{
    return msg("key \"%1\" is defined twice %2 (first at line %3)")
        .arg(key, context)
        .arg(firstLine);
}

QList<MapEntry> mapEntries(const YAML::Node &map, DiagnosticList &diagnostics,
                           const QString &context, DuplicateMessage duplicateMessage)
{
    QList<MapEntry> entries;
    QHash<QString, int> firstLines;
    for (auto it = map.begin(); it != map.end(); ++it) {
        // Copies: `it->` yields a temporary pair; the nodes are cheap handles.
        const YAML::Node keyNode = it->first;
        if (!keyNode.IsScalar()) {
            diagnostics.add(keyNode.Mark(),
                            msg("keys %1 must be names; found %2").arg(context, describe(keyNode)));
            continue;
        }
        MapEntry entry{scalarText(keyNode), keyNode, it->second};
        const int line = diagnostics.location(keyNode.Mark()).line;
        if (const auto first = firstLines.constFind(entry.key); first != firstLines.cend()) {
            const auto format = duplicateMessage ? duplicateMessage : defaultDuplicateMessage;
            diagnostics.add(keyNode.Mark(), format(entry.key, *first, context));
            continue;
        }
        firstLines.insert(entry.key, line);
        entries.append(std::move(entry));
    }
    return entries;
}

void reportUnknownKey(DiagnosticList &diagnostics, const MapEntry &entry,
                      const QStringList &allowed, const QString &context)
{
    const QString suggestion = didYouMean(entry.key, allowed);
    const QString hint =
        suggestion.isEmpty() ? msg("; allowed keys: %1").arg(joinNames(allowed)) : suggestion;
    diagnostics.add(entry.keyNode.Mark(),
                    msg("unknown key \"%1\" %2%3").arg(entry.key, context, hint));
}

std::optional<QString> readString(const MapEntry &e, const QString &what, DiagnosticList &d,
                                  bool allowEmpty)
{
    if (e.value.IsScalar() && (allowEmpty || !e.value.Scalar().empty()))
        return scalarText(e.value);
    const QString expected = allowEmpty ? msg("a string") : msg("a non-empty string");
    d.add(e.valueMark(), msg("%1 must be %2; found %3").arg(what, expected, describe(e.value)));
    return std::nullopt;
}

std::optional<bool> readBool(const MapEntry &e, const QString &what, DiagnosticList &d)
{
    bool value = false;
    // yaml-cpp's own rule: true/false, yes/no, on/off, y/n in the usual spellings.
    if (e.value.IsScalar() && YAML::convert<bool>::decode(e.value, value))
        return value;
    d.add(e.valueMark(), msg("%1 must be true or false; found %2").arg(what, describe(e.value)));
    return std::nullopt;
}

std::optional<int> readInt(const MapEntry &e, const QString &what, int min, int max,
                           const QString &expected, DiagnosticList &d)
{
    if (e.value.IsScalar()) {
        bool ok = false;
        const int value = scalarText(e.value).toInt(&ok, 10);
        if (ok && value >= min && value <= max)
            return value;
    }
    d.add(e.valueMark(), msg("%1 must be %2; found %3").arg(what, expected, describe(e.value)));
    return std::nullopt;
}

std::optional<std::chrono::milliseconds> readDuration(const MapEntry &e, const QString &what,
                                                      DiagnosticList &d)
{
    if (e.value.IsScalar()) {
        if (const auto value = parseDuration(scalarText(e.value)))
            return value;
    }
    d.add(
        e.valueMark(),
        msg("%1 must be a duration such as 90s, 10m or 1h; found %2").arg(what, describe(e.value)));
    return std::nullopt;
}

std::optional<QList<ListItem>> readStringList(const MapEntry &e, const QString &what,
                                              DiagnosticList &d)
{
    if (e.value.IsScalar() && !e.value.Scalar().empty())
        return QList<ListItem>{{scalarText(e.value), d.location(e.value.Mark())}};
    if (!e.value.IsSequence()) {
        d.add(e.valueMark(), msg("%1 must be a list of names or a single name; found %2")
                                 .arg(what, describe(e.value)));
        return std::nullopt;
    }
    QList<ListItem> items;
    bool ok = true;
    for (const YAML::Node &item : e.value) {
        if (!item.IsScalar() || item.Scalar().empty()) {
            d.add(item.Mark(),
                  msg("items of %1 must be non-empty strings; found %2").arg(what, describe(item)));
            ok = false;
            continue;
        }
        items.append({scalarText(item), d.location(item.Mark())});
    }
    if (!ok)
        return std::nullopt;
    return items;
}

bool isVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

bool hasParentComponent(const QString &path)
{
    const QStringList parts = QString(path).replace(u'\\', u'/').split(u'/');
    return parts.contains(QStringLiteral(".."));
}

std::optional<QMap<QString, QString>> readVariables(const MapEntry &e, const QString &what,
                                                    DiagnosticList &d)
{
    if (e.value.IsNull())
        return QMap<QString, QString>{};
    if (!e.value.IsMap()) {
        d.add(e.valueMark(),
              msg("%1 must be a map of NAME: value; found %2").arg(what, describe(e.value)));
        return std::nullopt;
    }
    QMap<QString, QString> variables;
    const QString context = msg("in %1").arg(what);
    for (const MapEntry &var : mapEntries(e.value, d, context)) {
        if (!isVariableName(var.key)) {
            d.add(var.keyNode.Mark(), msg("variable name \"%1\" %2 must start with a letter or "
                                          "\"_\" and contain only letters, digits and \"_\"")
                                          .arg(var.key, context));
            continue;
        }
        if (!var.value.IsScalar()) {
            const QString hint =
                var.value.IsNull() ? msg(" (write \"\" for an empty value)") : QString();
            d.add(var.valueMark(), msg("value of \"%1\" %2 must be a string, number or boolean; "
                                       "found %3%4")
                                       .arg(var.key, context, describe(var.value), hint));
            continue;
        }
        variables.insert(var.key, scalarText(var.value));
    }
    return variables;
}

std::optional<QVariant> toVariant(const YAML::Node &node, int &budget, int depth)
{
    constexpr int maxDepth = 32;
    if (--budget < 0 || depth > maxDepth)
        return std::nullopt;
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return QVariant(scalarText(node));
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node) {
            auto value = toVariant(item, budget, depth + 1);
            if (!value)
                return std::nullopt;
            list.append(*value);
        }
        return QVariant(list);
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar())
                return std::nullopt;
            auto value = toVariant(it->second, budget, depth + 1);
            if (!value)
                return std::nullopt;
            map.insert(scalarText(key), *value);
        }
        return QVariant(map);
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QVariant();
}

} // namespace DeployDesk::Internal
