#pragma once

class QScrollArea;
class QWidget;

namespace DeployDesk::Ui {

// `row` (a bar of fields: the history's filters, the log's find bar) in a frameless area
// that scrolls sideways when the window is narrower than the row, instead of making the
// window wider. The area is as high as the row, plus the scroll bar while it shows; it
// shows and hides with the row.
QScrollArea *sidewaysScroll(QWidget *row, QWidget *parent);

} // namespace DeployDesk::Ui
