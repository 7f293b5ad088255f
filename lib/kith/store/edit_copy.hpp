#pragma once
// The copy of a contact file `kith edit` hands the editor: kept in .kith/ (.kith/edit-NAME.yaml)
// with the file it was made from beside it (.kith/edit-NAME.yaml.from), so that an edit that
// was not saved is never lost, and can be merged with what changed in the file since.
#include <string>

#include "kith/store/folder.hpp"

namespace kith {

// The edit copy of one contact file of a network folder.
class EditCopy {
public:
    // Names the copy of the contact file at `path` (from the folder's root); touches nothing.
    EditCopy(const Folder& folder, const std::string& path);

    // Returns the copy's path from the folder's root (.kith/edit-NAME.yaml).
    const std::string& path() const { return copy_; }
    // Returns the path of the file the copy was made from (the copy's path and ".from").
    const std::string& from_path() const { return from_; }
    // Returns true when the copy exists.
    bool exists() const { return folder_.exists(copy_); }
    // Returns true when the file it was made from is kept.
    bool knows_from() const { return folder_.exists(from_); }
    // Reads the copy.
    std::string read() const { return folder_.read(copy_); }
    // Reads the file the copy was made from.
    std::string read_from() const { return folder_.read(from_); }
    // Makes the copy (and .kith/) from the file's text `original`, which it is made from.
    void start(const std::string& original) const;
    // Puts `text` in the copy, made from the file's text `from`.
    void keep(const std::string& from, const std::string& text) const;
    // Removes the copy and the file it was made from.
    void drop() const;

private:
    const Folder& folder_;
    std::string copy_, from_;
};

}  // namespace kith
