/// What a reader of one Office part does with the part's elements and text, in document order.
/// Names are local (a prefix such as `x:` or `w:` taken off), since writers choose prefixes freely.
package protocol XMLEventHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    func text(_ text: String)
}
