#pragma once

#include <QString>

namespace DeployDesk::Ui {

// `text` without its mnemonic ("&Logs" -> "Logs"; "&&" stays a literal "&"). Tab titles
// use it: Alt+letter belongs to the menu bar and the fields of the page shown (one owner
// per letter), while tabs are switched with Ctrl+1…4, Ctrl+Tab or the arrow keys on the
// tab bar. The View menu keeps the same names with their mnemonics.
QString withoutMnemonic(const QString &text);

} // namespace DeployDesk::Ui
