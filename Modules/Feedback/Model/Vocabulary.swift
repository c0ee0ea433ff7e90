import BKProto

public typealias Instrument = Binakarier_Feedback_V1_Instrument
public typealias Question = Binakarier_Feedback_V1_Question
public typealias Campaign = Binakarier_Feedback_V1_Campaign
public typealias Answer = Binakarier_Feedback_V1_Answer
public typealias Purpose = Binakarier_Feedback_V1_Purpose
public typealias Dialogue = Binakarier_Feedback_V1_Dialogue
public typealias Aspiration = Binakarier_Feedback_V1_Aspiration
public typealias Direction = Binakarier_Feedback_V1_Direction
public typealias ActionItem = Binakarier_Feedback_V1_ActionItem
public typealias Results = Binakarier_Feedback_V1_Results
public typealias Employee = Binakarier_Identity_V1_Employee

/// The names of the changes in the feedback feed (`Change.kind`).
public enum FeedbackChange {
    public static let campaignOpened = "campaign.opened"
    public static let campaignClosed = "campaign.closed"
    /// Payload: the campaign with its new count; never who answered.
    public static let responseCounted = "response.counted"
    public static let dialogue = "dialogue.changed"
    public static let aspiration = "aspiration.changed"
    public static let action = "action.changed"
}
