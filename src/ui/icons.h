// The program's icons: SVG files from icons/, crisp at any DPI.
#pragma once

#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>
#include <wx/string.h>

namespace narcisse::ui {

// The icon `name` (file icons/<name>.svg) at `sizeDip` × `sizeDip` independent pixels. A missing
// file gives an empty bundle (and a debug log), never a crash.
wxBitmapBundle GetIcon(const wxString& name, int sizeDip);

// The application logo at the sizes a window manager asks for.
wxIconBundle GetAppIcons();

}  // namespace narcisse::ui
