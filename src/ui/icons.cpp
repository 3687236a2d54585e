#include "ui/icons.h"

#include <wx/filename.h>
#include <wx/log.h>
#include <wx/module.h>
#include <wx/stdpaths.h>

#include <map>
#include <utility>

namespace narcisse::ui {
namespace {

// The build tree's icons/ first (running from build/), then an installed copy.
wxString IconPath(const wxString& name)
{
    const wxString file = name + ".svg";
    wxFileName built(wxString::FromUTF8(NARCISSE_ICON_DIR), file);
    if (built.FileExists()) return built.GetFullPath();
    wxFileName installed(wxStandardPaths::Get().GetResourcesDir() + "/icons", file);
    return installed.GetFullPath();
}

using IconCache = std::map<std::pair<wxString, int>, wxBitmapBundle>;

IconCache& Cache()
{
    static IconCache cache;
    return cache;
}

// Bitmaps must be released while the toolkit still runs, not at static destruction.
class IconCacheModule : public wxModule {
public:
    bool OnInit() override { return true; }
    void OnExit() override { Cache().clear(); }

private:
    wxDECLARE_DYNAMIC_CLASS(IconCacheModule);
};
wxIMPLEMENT_DYNAMIC_CLASS(IconCacheModule, wxModule);

}  // namespace

wxBitmapBundle GetIcon(const wxString& name, int sizeDip)
{
    // Parsing an SVG is cheap but not free; windows ask for the same few icons again and again.
    IconCache& cache = Cache();
    auto key = std::make_pair(name, sizeDip);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    const wxString path = IconPath(name);
    wxBitmapBundle bundle;
    if (wxFileName::FileExists(path))
        bundle = wxBitmapBundle::FromSVGFile(path, wxSize(sizeDip, sizeDip));
    if (!bundle.IsOk()) wxLogDebug("icon %s not found at %s", name, path);
    cache.emplace(key, bundle);
    return bundle;
}

wxIconBundle GetAppIcons()
{
    wxIconBundle icons;
    const wxBitmapBundle logo = GetIcon("narcisse", 64);
    if (!logo.IsOk()) return icons;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) icons.AddIcon(logo.GetIcon(wxSize(size, size)));
    return icons;
}

}  // namespace narcisse::ui
