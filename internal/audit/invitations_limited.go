package audit

// InvitationsLimited: a main contact's colleague invitation was refused because their
// company's main contacts sent the most the portal allows in a day
// (access.ColleagueInviteLimit); the target is the company ("company:7 Kunde AG").
const InvitationsLimited = "invitations_limited"
