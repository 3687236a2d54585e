// Printing the desk's documents: the PDF is written on the worker into a temporary file, then handed
// to the system's viewer (which prints it). The UI tests replace the viewer to check the file.
#pragma once

#include "domain/fiscal.h"
#include "domain/store.h"
#include "domain/voucher.h"

#include <wx/string.h>

#include <filesystem>
#include <functional>

namespace narcisse::ui {

// Run on the worker: read the business header from the settings and write the PDF; return its path.
// Throw what the report writer throws (shown to the user).
std::filesystem::path WriteVoucherForPrint(domain::Store& store, const domain::Voucher& voucher);
std::filesystem::path WriteClosingForPrint(domain::Store& store, const domain::Closing& closing);

// On the UI thread: opens the document in the default viewer (wxLaunchDefaultApplication), or in
// whatever SetDocumentViewer installed. Returns false when no viewer could be started.
bool OpenPrintedDocument(const std::filesystem::path& file);
void SetDocumentViewer(std::function<bool(const std::filesystem::path&)> viewer);

}  // namespace narcisse::ui
