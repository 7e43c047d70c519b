#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace DeployDesk::Internal {

// Removes what a reader of the rendered page never sees, before the Markdown parser runs,
// keeping the number of lines (so parser lines are file lines):
//   - MDX `import`/`export` statements: a line starting with "import " or "export " after a
//     blank line, up to the next blank line;
//   - JSX tags (<Tabs>, </TabItem>, <Listing caption="..." />, fragments <>...</>), their
//     attributes even across lines, and MDX comments {/* ... */}; the text between an
//     opening and a closing tag stays. In .mdx files (`jsxAnywhere`) tags are removed
//     wherever they are; in .md files only on lines that start with a tag, so prose such
//     as "Option<T>" is left alone;
//   - HTML comments <!-- ... -->;
//   - admonition fences: ":::note" and ":::" lines go, a title (":::tip Title" or
//     ":::tip[Title]") stays as a line of text, and the admonition's content stays.
// Fenced code blocks and inline code spans are copied untouched.
QByteArray cleanMdx(QByteArrayView text, bool jsxAnywhere);

} // namespace DeployDesk::Internal
