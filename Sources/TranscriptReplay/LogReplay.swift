import SupportBot

/// The logged user messages replayed through today's content: what a content change would have
/// done to real traffic.
///
/// Events are grouped by conversation (in order of each conversation's first event) and played in
/// turn order. The log holds messages after redaction, so a secret that was in a message is a marker
/// now and is not detected again: compare routes of such turns with care.
public struct LogReplay: Sendable {
    public struct Turn: Sendable, Hashable {
        public var event: ConversationEvent
        public var reply: ReplayedTurn

        public var routeChanged: Bool { event.route != reply.route.rawValue }
        public var intentChanged: Bool { event.intent != reply.intent }
        public var changed: Bool { routeChanged || intentChanged }
    }

    /// A count of turns that went from one route to another.
    public struct Transition: Sendable, Hashable {
        public var logged: String
        public var now: String
        public var count: Int
    }

    /// Every replayed turn, conversation by conversation, in turn order.
    public let turns: [Turn]
    public let conversations: Int
    /// The logged conversations' deflection, and the replayed one (same rule as transcripts).
    public let loggedDeflection: ReplayReport.Ratio
    public let replayedDeflection: ReplayReport.Ratio

    public init(events: [ConversationEvent], runner: ReplayRunner) {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, event) in events.enumerated() {
            if groups[event.conversation] == nil { order.append(event.conversation) }
            groups[event.conversation, default: []].append(index)
        }
        var ordered: [ConversationEvent] = []
        var conversations: [[Int]] = []
        for id in order {
            // A stable sort: turns logged twice keep their reading order.
            let members = groups[id]!.enumerated().sorted {
                (events[$0.element].turn, $0.offset) < (events[$1.element].turn, $1.offset)
            }
            conversations.append(Array(ordered.count..<(ordered.count + members.count)))
            ordered += members.map { events[$0.element] }
        }
        let replies = runner.run(messages: ordered.map(\.message), conversations: conversations, ids: order)
        turns = zip(ordered, replies).map { Turn(event: $0, reply: $1) }
        self.conversations = conversations.count
        var logged = ReplayReport.Ratio()
        var replayed = ReplayReport.Ratio()
        for members in conversations {
            logged.add(
                isDeflected(
                    routes: members.compactMap { Route(rawValue: ordered[$0].route) },
                    escalated: members.contains { ordered[$0].escalationReason != nil }))
            replayed.add(
                isDeflected(
                    routes: members.map { replies[$0].route },
                    escalated: members.contains { replies[$0].escalationReason != nil }))
        }
        loggedDeflection = logged
        replayedDeflection = replayed
    }

    public var changedTurns: [Turn] { turns.filter(\.changed) }

    /// Route changes, most frequent first.
    public var routeTransitions: [Transition] {
        var counts: [String: [String: Int]] = [:]
        for turn in turns where turn.routeChanged {
            counts[turn.event.route, default: [:]][turn.reply.route.rawValue, default: 0] += 1
        }
        return counts.flatMap { logged, nows in nows.map { Transition(logged: logged, now: $0.key, count: $0.value) } }
            .sorted { ($1.count, $0.logged, $0.now) < ($0.count, $1.logged, $1.now) }
    }

    /// The section of the text report, ending with a newline. `limit` caps the changed turns listed.
    public func renderText(limit: Int? = nil) -> String {
        let changed = changedTurns
        var out = ["Log replay: \(turns.count) logged turns in \(conversations) conversations, through today's content"]
        out.append(
            "  changed: \(changed.count) turns (\(rate(ratio(changed.count, turns.count)))): route "
                + "\(turns.count(where: \.routeChanged)), intent \(turns.count(where: \.intentChanged))")
        out.append(
            "  deflection rate: logged \(rate(loggedDeflection.value)) -> now \(rate(replayedDeflection.value))")
        if !routeTransitions.isEmpty {
            out.append("  route changes (logged -> now)")
            for transition in routeTransitions {
                out.append("    " + lpad(String(transition.count), 6) + "  \(transition.logged) -> \(transition.now)")
            }
        }
        let shown = limit.map { min($0, changed.count) } ?? changed.count
        if shown < changed.count {
            out.append("  changed turns (showing the first \(shown); --failures all shows every one)")
        } else if !changed.isEmpty {
            out.append("  changed turns")
        }
        for turn in changed.prefix(shown) {
            out.append("    \(turn.event.conversation) turn \(turn.event.turn): \(quoted(turn.event.message))")
            out.append(
                "        logged  \(turn.event.intent ?? "-") \(turn.event.route) "
                    + formatConfidence(turn.event.confidence))
            out.append("        now     \(turn.reply.summary)  (\(turn.reply.explanation))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The `log_replay` member of the `--json` object.
    public func jsonValue(limit: Int? = nil) -> JSONValue {
        let changed = changedTurns
        let shown = limit.map { changed.prefix($0) } ?? changed[...]
        return .object([
            "turns": .int(turns.count),
            "conversations": .int(conversations),
            "changed_turns": .int(changed.count),
            "route_changed": .int(turns.count(where: \.routeChanged)),
            "intent_changed": .int(turns.count(where: \.intentChanged)),
            "logged_deflection_rate": .number(loggedDeflection.value),
            "deflection_rate": .number(replayedDeflection.value),
            "route_changes": .array(
                routeTransitions.map {
                    .object(["logged": .string($0.logged), "now": .string($0.now), "count": .int($0.count)])
                }),
            "changed": .array(
                shown.map { turn in
                    .object([
                        "conversation": .string(turn.event.conversation),
                        "turn": .int(turn.event.turn),
                        "message": .string(turn.event.message),
                        "logged": .object([
                            "intent": .optional(turn.event.intent), "route": .string(turn.event.route),
                            "confidence": .number(turn.event.confidence),
                            "language": .string(turn.event.language),
                        ]),
                        "now": ReplayReport.replyJSON(turn.reply),
                        "explanation": .string(turn.reply.explanation),
                    ])
                }),
        ])
    }
}
