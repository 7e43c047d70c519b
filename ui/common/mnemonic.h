#pragma once

#include <QString>

class QApplication;

namespace DeployDesk::Ui {

// `text` without its mnemonic ("&Logs" -> "Logs"; "&&" stays a literal "&"). Tab titles
// use it: Alt+letter belongs to the menu bar and the fields of the page shown (one owner
// per letter), while tabs are switched with Ctrl+1…4, Ctrl+Tab or the arrow keys on the
// tab bar. The View menu keeps the same names with their mnemonics.
QString withoutMnemonic(const QString &text);

// A label with a buddy underlines its mnemonic, and Qt draws the underlined letter apart
// from its neighbours, so a kerning pair is drawn wider than QLabel measured it: "&To" was
// sized 13 pixels and drawn 14, and a filter bar squeezed to its minimum showed "Tc".
// Turns kerning off in the font of every label with a buddy when it is polished, so it is
// measured as it is drawn. The panel's main() calls it once.
void keepMnemonicLabelsWhole(QApplication &app);

} // namespace DeployDesk::Ui
