import Foundation

/// What a part of the screen is to the mouse. Views record one per clickable area as they
/// draw; the runtime hands `update` the targets under the pointer, so what a click does is
/// decided here, in plain tested code, and never from screen coordinates.
public enum MouseTarget: Hashable, Sendable {
    /// The prompt's text: a click focuses the prompt and puts the caret where it hits; the
    /// wheel scrolls the text.
    case promptText
    /// A picker's name: a click focuses the picker.
    case pickerLabel(PickerField)
    /// A picker's value: a click focuses the picker; on the focused one's value (drawn as
    /// "◂ value ▸") a click on the left half steps it back, on the right half on.
    case pickerValue(PickerField)
    /// Edit mode's source paths: a click focuses the field.
    case sources
    /// One row of the jobs list: a click selects the job.
    case job(index: Int)
    /// The jobs list: the wheel moves the selection.
    case jobsList
    /// One image of the gallery (a list row or a grid cell; `index` among all the images, as
    /// `GalleryBrowser.selected` counts): a click selects it, a double click opens it full screen.
    case galleryItem(index: Int)
    /// The gallery's images: a wheel notch moves the selection by `step` (1 in the list, a row
    /// of the grid).
    case galleryItems(step: Int)
    /// The image on the whole screen: the wheel pages through the images, a double click goes
    /// back to the gallery.
    case fullScreenImage
    /// One image of the contact sheet (`index` in the sheet): a click selects it, a double
    /// click shows it full screen. Over the sheet the wheel steps through its images.
    case sheetImage(index: Int)
    case sheetImages
    /// A field of the gallery's filter bar: a click focuses it, the wheel steps its choices.
    case filterField(GalleryFilterBar.Field)
    /// The before/after comparison: where one picture is shown at a time, a click or a wheel
    /// notch switches it.
    case comparison
}

/// A target under the pointer, with where the pointer is in its area (from the area's top-left
/// cell) and the area's size.
public struct MouseHit: Hashable, Sendable {
    public var target: MouseTarget
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(target: MouseTarget, row: Int, column: Int, width: Int, height: Int) {
        self.target = target
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }
}

/// A button press or wheel notch as `update` sees it: what it was, and every target under the
/// pointer, topmost first (an item before the list holding it).
public struct MouseInput: Hashable, Sendable {
    public enum Gesture: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var gesture: Gesture
    public var hits: [MouseHit]

    public init(gesture: Gesture, hits: [MouseHit]) {
        self.gesture = gesture
        self.hits = hits
    }
}

/// The last click, so the next one on the same target soon after counts as a double click.
public struct LastClick: Hashable, Sendable {
    public var target: MouseTarget
    public var time: Date

    /// Two clicks on one target at most this far apart are a double click (the common desktop
    /// default).
    public static let doubleClickInterval: TimeInterval = 0.5
}
