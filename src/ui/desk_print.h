// Printing a receipt from the desk: the PDF is written on the worker into the temporary folder and
// opened with the system's viewer (which prints it). A reprint is recorded and says DUPLICATA.
#pragma once

#include "ui/session.h"

#include <wx/string.h>

#include <cstdint>
#include <functional>

class wxWindow;

namespace narcisse::ui {

// `done(path)` or `failed(message)` on the UI thread, unless `window` is gone by then.
// `reprint` false: the original (as issued); true: a duplicate, counted and journaled.
void PrintReceipt(wxWindow* window, Session& session, std::int64_t number, bool reprint,
                  std::function<void(const wxString& path)> done, std::function<void(const wxString& message)> failed);

// Tests write the PDF without opening a viewer.
void SetOpenPrintedReceipts(bool open);

}  // namespace narcisse::ui
