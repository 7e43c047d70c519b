#include "config/frontmatter.h"

#include "common/translate.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace DeployDesk {

namespace {

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return QString::fromStdString(node.Scalar());
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(toVariant(item));
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &item : node) {
            if (item.first.IsScalar())
                map.insert(QString::fromStdString(item.first.Scalar()), toVariant(item.second));
        }
        return map;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The common front matter, one "key: plain value" a line ("title: Getting started",
// "sidebar_position: 3"), read without yaml-cpp (whose parse costs more than chunking the
// doc). Anything else (quotes, lists, nested maps, comments, block scalars, empty or null
// values, indentation) returns nullopt and goes to yaml-cpp, so the result is always what
// yaml-cpp gives.
std::optional<QVariantMap> simpleFrontMatter(QByteArrayView yaml)
{
    QVariantMap map;
    qsizetype pos = 0;
    while (pos < yaml.size()) {
        qsizetype end = yaml.indexOf('\n', pos);
        if (end < 0)
            end = yaml.size();
        const QByteArrayView line = yaml.sliced(pos, end - pos);
        pos = end + 1;
        qsizetype i = 0;
        while (i < line.size() && line[i] == ' ')
            ++i;
        if (i == line.size())
            continue; // blank
        if (i > 0)
            return std::nullopt; // indentation: nested or continued
        // key: [A-Za-z_][A-Za-z0-9_]*([-.][A-Za-z0-9_]+)*
        if (!(isAsciiAlnum(line[0]) || line[0] == '_') || (line[0] >= '0' && line[0] <= '9'))
            return std::nullopt;
        while (i < line.size() && (isAsciiAlnum(line[i]) || line[i] == '_' ||
                                   ((line[i] == '-' || line[i] == '.') && i + 1 < line.size() &&
                                    (isAsciiAlnum(line[i + 1]) || line[i + 1] == '_'))))
            ++i;
        if (i + 1 >= line.size() || line[i] != ':' || line[i + 1] != ' ')
            return std::nullopt;
        const QByteArrayView key = line.first(i);
        QByteArrayView value = line.sliced(i + 2);
        while (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
        while (!value.isEmpty() && value.back() == ' ')
            value.chop(1);
        // A plain scalar that starts with a letter or digit and holds no comment, no
        // "key: value" of its own and no control character; not one of YAML's nulls.
        if (value.isEmpty() || !isAsciiAlnum(value.front()) || value.back() == ':' ||
            value == "null" || value == "Null" || value == "NULL")
            return std::nullopt;
        for (qsizetype k = 0; k < value.size(); ++k) {
            const auto c = static_cast<unsigned char>(value[k]);
            if (c < 0x20 || c == 0x7F)
                return std::nullopt;
            if ((c == '#' && value[k - 1] == ' ') || (c == ':' && value[k + 1] == ' '))
                return std::nullopt;
        }
        map.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    }
    return map;
}

} // namespace

Result<QVariantMap> parseFrontMatterYaml(QByteArrayView yaml, const QString &file, int firstLine)
{
    if (std::optional<QVariantMap> simple = simpleFrontMatter(yaml))
        return *simple;
    // yaml-cpp reports a problem found at the end of the text (an unclosed bracket) on
    // the line after the last one: point at the last line instead.
    const int lastLine = int(yaml.trimmed().count('\n'));
    const auto located = [&](int line, int column, const QString &message) {
        if (line > lastLine) {
            line = lastLine;
            column = 0;
        }
        return std::unexpected(Error{
            ErrorCode::Invalid, message, {}, SourceLocation{file, firstLine + line, column + 1}});
    };
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml.data(), size_t(yaml.size())));
    } catch (const YAML::Exception &e) {
        return located(e.mark.line < 0 ? 0 : e.mark.line, e.mark.column < 0 ? 0 : e.mark.column,
                       tr("the front matter is not valid YAML: %1; fix it or remove the "
                          "lines between the two \"---\"")
                           .arg(QString::fromStdString(e.msg)));
    }
    if (root.IsNull() || !root.IsDefined())
        return QVariantMap();
    if (!root.IsMap()) {
        const YAML::Mark mark = root.Mark();
        return located(mark.line < 0 ? 0 : mark.line, mark.column < 0 ? 0 : mark.column,
                       tr("the front matter must be a mapping of keys (\"title: Intro\"), "
                          "not a list or a single value"));
    }
    try {
        return toVariant(root).toMap();
    } catch (const YAML::Exception &e) {
        return located(
            e.mark.line < 0 ? 0 : e.mark.line, e.mark.column < 0 ? 0 : e.mark.column,
            tr("the front matter could not be read: %1").arg(QString::fromStdString(e.msg)));
    }
}

} // namespace DeployDesk
