import type { PayloadRequest } from 'payload'

import { fillPlaceholders, localizedTexts, namespacedTranslate } from './catalogue'
import type { AdminLanguage, CatalogueKey, Localized, SameKeys, TranslationVars } from './catalogue'

/**
 * The app's strings, under the `badil` namespace of Payload's i18n, in every admin language
 * (Payload's own strings come from @payloadcms/translations; the plugin's are in its own folder).
 * English first: French and Arabic must have the same keys. Grouped by the screen or component
 * that shows them, or the server code that answers or stores them (read with `appText`);
 * `{{name}}` marks a value filled in.
 */
const en = {
  cannotChangeOwnRole: 'You cannot change your own role; ask an administrator.',
  integrationNoPasswordLogin: 'Integration accounts authenticate with an API key only and cannot log in with a password.',
  apiKeyOnlyForIntegration: 'API keys are reserved for accounts with the "External tool" role.',
  apiKeyOnlyByAdmin: 'Only an administrator creates or renews an API key.',
  // The editorial calendar (/admin/calendar) and its link in the navigation.
  calendar: {
    title: 'Editorial calendar',
    refusal: 'The editorial calendar is for the campaign team only.',
    month: 'Month',
    week: 'Week',
    previous: '‹ Previous',
    next: 'Next ›',
    today: 'Today',
    platform: 'Platforms',
    theme: 'Themes',
    audience: 'Audiences',
    language: 'Languages',
    clearFilters: 'Clear filters',
    loading: 'Loading…',
    failed: 'The calendar could not be loaded.',
    warnings: 'Warnings',
    noWarnings: 'No warnings for this period.',
    timeNote: 'Casablanca time (UTC+1; UTC+0 during Ramadan).',
    clockChange: 'Clock change',
    subscribe: 'Subscribe (iCal)',
    subscribeIntro: 'Add this link to your calendar app (Google Calendar, Outlook, Apple Calendar):',
    subscribeWarning: 'This link opens the calendar without a password: do not share it. Creating a new one disables the previous one.',
    copy: 'Copy',
    copied: 'Copied',
    subscribeFailed: 'The link could not be created.',
    nothingPlanned: 'nothing planned',
    // A key moment's planned posts: one, or more than one.
    plannedOne: '{{count}} planned post',
    plannedMany: '{{count}} planned posts',
    keyMoment: 'Key moment',
    variant: 'Variant',
  },
  // "Waiting for me" in the navigation: the queue of each role.
  reviewQueue: {
    ncsc: 'Waiting for my review',
    legal: 'Waiting for legal review',
    consultant: 'Waiting for my changes',
    cm: 'Approved, to publish',
  },
  // A variant's live limit checks and post preview.
  variantReport: {
    title: 'Limit checks (live)',
    errors: 'Errors',
    warnings: 'Warnings',
    ok: 'Within the network’s limits',
    length: 'Length',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Preview',
    more: '… see more',
    pick: 'Choose a network and a language.',
  },
  // A content item's workflow buttons (the transitions' labels come from the server).
  workflowControls: {
    reason: 'Reason (required):',
  },
  // A content item's workflow history.
  workflowTimeline: {
    title: 'History',
    // The actor of an event no person took.
    system: 'system',
  },
  // A variant's limit checks (src/domain/variant-validation.ts): the report's messages and the
  // words they are made of. A message about one media item reads "Media 2 (photo.jpg): …".
  variantLimits: {
    // "<subject> on <network>: <measured>. <rule>: <limit>."
    measured: '{{subject}} on {{platform}}: {{actual}}. {{rule}}: {{limit}}.',
    bounds: {
      max: { error: 'Maximum allowed', warning: 'Recommended maximum' },
      min: { error: 'Minimum allowed', warning: 'Recommended minimum' },
    },
    // The rule of an aspect ratio: a hard range, or a recommended one.
    aspectRule: { error: 'Accepted', warning: 'Recommended' },
    units: { gigabytes: 'GB', megabytes: 'MB', kilobytes: 'KB', bytes: 'bytes', hours: 'h', minutes: 'min', seconds: 's' },
    // How a length is counted, by the surface's counting method.
    counting: { 'twitter-weighted': 'weighted characters', utf16: 'UTF-16 units', 'utf8-bytes': 'UTF-8 bytes', chars: 'characters' },
    // What the composed text adds to the typed one, after the counting method.
    included: { hashtags: ', hashtags included', link: ', link included', both: ', hashtags and link included' },
    lengthOf: {
      post: 'Text length ({{unit}}{{included}})',
      caption: 'Caption length ({{unit}}{{included}})',
      description: 'Description length ({{unit}}{{included}})',
      title: 'Title length ({{unit}}{{included}})',
      firstComment: 'First comment length ({{unit}}{{included}})',
    },
    // A text field, as "in the <noun>" names it.
    nouns: { post: 'text', caption: 'caption', description: 'description', title: 'title' },
    counts: {
      hashtags: 'Number of hashtags',
      mentions: 'Number of mentions (@)',
      media: 'Number of media items',
      image: 'Number of images',
      video: 'Number of videos',
      pdf: 'Number of PDF documents',
    },
    kinds: { image: 'images', video: 'videos', pdf: 'PDF documents' },
    kind: { image: 'image', video: 'video', pdf: 'PDF document' },
    listSeparator: ', ',
    inLanguage: { fr: 'in French', ar: 'in Arabic', ary: 'in Darija' },
    media: 'media {{number}}',
    mediaNamed: 'media {{number}} ({{filename}})',
    aboutMedia: '{{media}}: {{message}}',
    ofMedia: {
      fileSize: 'File size of {{media}}',
      width: 'Width of {{media}}',
      height: 'Height of {{media}}',
      shortestSide: 'Shortest side of {{media}}',
      longestSide: 'Longest side of {{media}}',
      pixels: 'Pixel count of {{media}}',
      aspectRatio: 'Aspect ratio (width/height) of {{media}}',
      duration: 'Duration of {{media}}',
    },
    forbiddenCharacter: '{{platform}} refuses the character {{characters}} in the {{noun}}.',
    forbiddenCharacters: '{{platform}} refuses the characters {{characters}} in the {{noun}}.',
    quotedCharacter: '"{{character}}"',
    characterJoiner: ' and ',
    textNotSupported: '{{platform}} publishes no text: the text and hashtags of this variant will not appear.',
    textInvalidCharacters: 'The text contains characters {{platform}} refuses (U+FFFE, U+FEFF or U+FFFF).',
    contentEmpty: 'Nothing to publish: add text, media or a link.',
    linkInvalid: 'The link is not a valid web address (http:// or https://).',
    linkNotClickable: 'Links are not clickable on {{platform}}: the link will not be published (point to the profile link instead).',
    linkNotSupported: '{{platform}} does not accept a link: it will not be published.',
    hashtagInvalid: '"{{hashtag}}" is not a valid hashtag: use letters, digits and underscores only, with at least one letter and no spaces.',
    titleNotSupported: '{{platform}} has no title field: the title will not be published.',
    titleMissing: "No title: {{platform}} requires one; the content item's title will be used unless you set one here.",
    firstCommentNotSupported: '{{platform}} does not allow a first comment: it will not be published.',
    mediaRequired: 'Add media: {{platform}} cannot publish without it (accepted: {{accepted}}).',
    mediaMixed: '{{platform}} does not mix images, videos and documents in one post.',
    kindNotAccepted: '{{platform}} does not accept {{kinds}}.',
    formatNotAccepted: 'format {{format}} is not accepted by {{platform}} (accepted: {{accepted}}).',
    singleVideo: 'a single video is published as a Reel on Instagram: use an Instagram Reel variant, or add it to a carousel of 2 to 10 items.',
    mustBeAlone: 'a file of type {{format}} must be the only media item of the post on {{platform}}.',
    consentMissing: 'the consent of the people shown is missing.',
    consentExpired: 'the consent of the people shown has expired.',
    dimensionsUnknown: 'dimensions unknown, the size and aspect ratio rules of {{platform}} could not be checked.',
    durationUnknown: 'duration unknown, the duration limits of {{platform}} could not be checked.',
    altMissing: 'alt text missing {{language}}.',
  },
  // Why an upload is refused (src/media/media-sniffing.ts, upload-limits.ts).
  mediaUpload: {
    originalMissing: 'The original file of this image cannot be found in the media storage: upload it again to make new renditions.',
    // What the bytes are, by the format's stored extension.
    formats: {
      jpg: 'a JPEG image',
      png: 'a PNG image',
      webp: 'a WebP image',
      gif: 'a GIF image',
      mp4: 'an MP4 video',
      mov: 'a MOV (QuickTime) video',
      pdf: 'a PDF document',
    },
    // "the limit for <kinds>".
    kinds: { image: 'images', video: 'videos', pdf: 'PDF documents' },
    accepted: 'Accepted: JPEG, PNG, WebP and GIF images, MP4 and MOV videos, PDF documents.',
    empty: 'The file is empty (0 bytes). Check it and upload it again.',
    executable:
      'This file contains a program, a script, a web page or an archive, which are never accepted for security reasons. Upload an image, a video or a PDF document.',
    svg: 'SVG images are not accepted because they can contain scripts. Export the image as PNG (or as PDF for print) and upload that file.',
    typeNotAllowed: 'This file type is not accepted.',
    namedTypeNotAllowed: '{{type}} files are not accepted.',
    // iPhones save photos as HEIC unless told otherwise.
    heicHint: 'Set the iPhone camera to “Most Compatible” or export the photo as JPEG.',
    extensionMismatch:
      'The file name ends in “.{{extension}}” but the file is {{format}}. Rename it with the right extension (.{{expected}}) or upload the intended file.',
    declaredMismatch: 'The file was sent as “{{declared}}” but it is {{format}}. Check that you picked the intended file.',
    tooLarge: 'This file weighs {{size}} MB; the limit for {{kinds}} is {{limit}} MB.',
    // An upload cut off while it streams, past the largest limit.
    streamTooLarge: 'This file is larger than the {{megabytes}} MB limit: the upload was stopped.',
  },
  // A media asset's consent status (src/domain/consent.ts).
  consent: {
    // The short status shown in lists and on the asset.
    states: { not_required: 'Not needed', ok: 'On file', missing: 'Missing', expired: 'Expired', expiring_soon: 'Expires soon' },
    // The uses a consent covers.
    scopes: { social_media: 'social media', print: 'print', video: 'video', press: 'the press', website: 'the website' },
    // When a consent expires: today, in one day, two days, 3 to 10 days, more.
    inDays: { today: 'today', one: 'in 1 day', two: 'in 2 days', few: 'in {{days}} days', many: 'in {{days}} days' },
    notRequired: 'No people are shown: no consent is needed.',
    okForever: 'The consent of every person shown is on file, with no expiry date.',
    okUntil: 'The consent of every person shown is on file until {{date}}.',
    missing: 'People are shown but no signed consent is recorded. Do not use this asset until it is added.',
    missingFor: 'People are shown but no signed consent covers {{use}}. Do not use this asset there until one is added.',
    expired: 'The consent of {{person}} expired on {{date}}. Do not use this asset until it is renewed.',
    expiringSoon: 'The consent of {{person}} expires on {{date}} ({{when}}). Renew it before any use after that date.',
  },
  // A video that cannot be read (src/media/video-probe.ts), by the reason.
  videoProbe: {
    not_iso_bmff: 'This video cannot be read as MP4 or MOV. Export it again as MP4 (H.264) and upload it.',
    truncated: 'This video file is incomplete (cut off during the copy or the upload). Upload the full file again.',
    corrupt: 'This video file is damaged and cannot be read. Export it again and upload the new file.',
    no_movie_header: 'This video file is unfinished: the recording or the export was interrupted. Export it again and upload the new file.',
    no_video_track: 'This file contains no video image (sound only?). Upload a video.',
    unreadable: 'This video cannot be read. Export it again as MP4 (H.264) and upload the new file.',
  },
  // The calendar's API (src/calendar/calendar-endpoints.ts) and its warnings (calendar-data.ts).
  calendarApi: {
    badToken: 'Invalid or revoked subscription link: create a new one from the calendar.',
    bound: 'A date (YYYY-MM-DD, Casablanca day) or an ISO date-time with an offset (2026-03-01T09:00:00Z).',
    toBeforeFrom: 'to must come after from',
    rangeTooLong: 'the range covers {{days}} days; at most {{max}}',
    platform: 'Unknown platform.',
    audience: 'Unknown audience.',
    language: 'Unknown language (fr, ar or ary).',
    theme: 'Invalid theme id.',
    sameSlot: 'Two posts on {{platform}} {{minutes}} min apart ({{first}} and {{second}}, Casablanca time).',
    unplanned: 'Nothing is planned for the key moment “{{title}}” ({{span}}).',
  },
  // The calendar's iCal feed (src/calendar/ics-feed.ts).
  calendarFeed: {
    name: 'Badil — editorial calendar',
    state: 'State: {{state}}',
    open: 'Open in Badil: {{url}}',
    priority: 'Priority: {{priority}}',
    priorities: { high: 'High', medium: 'Medium', low: 'Low' },
    planned: 'Planned posts: {{count}}',
    keyMoment: 'Key moment: {{title}}',
  },
  // The API-key route guard (src/security/api-key-guard.ts), by the refusal's code.
  apiKey: {
    malformed_api_key_header: 'Malformed API key header: expected "Authorization: users API-Key <key>".',
    malformed_api_key: 'Malformed API key: expected 16 to 256 letters, digits, "-" or "_".',
    invalid_api_key: 'Invalid API key: no integration account has this key (it may have been revoked).',
  },
  // What every endpoint answers (src/infra/endpoint.ts, body-limit.ts).
  endpoint: {
    signIn: 'Sign in.',
    notForYourRole: 'Your role does not allow this.',
    bodyTooLarge: 'The request is larger than {{megabytes}} MB.',
    notJson: 'The request body must be a JSON object.',
    badDocumentId: '“{{id}}” is not a document number: the address must end with the number of the document.',
    // A body refused while it streams, before any endpoint reads it.
    bodyOverLimit: 'The request body is larger than the {{megabytes}} MB limit.',
  },
  // The editorial workflow (src/workflow/): its endpoints, clearance, held reasons and buttons.
  workflow: {
    staffOnly: 'Only the campaign staff move content through the workflow.',
    toField: 'The body must be JSON with a string "to" (the target state).',
    reasonField: '"reason" must be a string.',
    itemNotFound: 'Not found.',
    ncscApprovesVariants: 'Only NCSC approves a variant’s text.',
    variantNotFound: 'Variant not found.',
    itemNotApproved: 'Only a variant of an approved content item can be scheduled.',
    variantNotApproved: 'The item is sensitive: NCSC must approve this variant’s text first.',
    // A scheduled variant held, stored with it (one line per language).
    held: 'Held: {{reason}}',
    heldItemLeftApproval: 'Held: the content item is now “{{state}}”. Reschedule the variant once it is approved again.',
    // Refused transitions, answered in the caller's language (the Local API keeps the English).
    refusals: {
      signIn: 'Sign in to move content through the workflow.',
      staffOnly: 'Only the campaign staff move content through the workflow (external tools read the reporting API).',
      itemMissing: 'Content item {{id}} does not exist.',
      unknownState: '"{{to}}" is not a workflow state.',
      notFromHere: 'An item in state “{{from}}” cannot move to “{{to}}”.',
      notYourRole: 'Your role cannot “{{action}}” this item.',
      systemOnly: '“{{action}}” is taken by the system, not by a person.',
      sensitiveNeedsLegal: 'A sensitive item must go through legal review before approval.',
      reasonRequired: 'A reason is required to request changes.',
    },
    // The transitions' buttons (transition-table.ts).
    transitions: {
      submit: 'Submit for review',
      resubmit: 'Resubmit',
      approve: 'Approve',
      sendToLegal: 'Send to legal review',
      legalApprove: 'Approve (legal)',
      requestChanges: 'Request changes',
      publish: 'Published',
      backToReview: 'Back to review',
      archive: 'Archive',
    },
  },
  // The workflow's e-mails (src/workflow/notifications.ts), by the state the item moved to.
  notifications: {
    in_review: {
      subject: 'To review: "{{title}}"',
      body: 'The content item "{{title}}" was submitted and awaits your review.',
    },
    legal_review: {
      subject: 'Legal review requested: "{{title}}"',
      body: 'The NCSC team asks for your legal review of "{{title}}".',
    },
    changes_requested: {
      subject: 'Changes requested: "{{title}}"',
      body: 'Changes were requested on "{{title}}".\n\nReason: {{reason}}',
    },
    approved: {
      subject: 'Approved: "{{title}}"',
      body: '"{{title}}" is approved: its variants can now be scheduled.',
    },
    open: 'Open in Badil',
  },
  // Platform variants (collections/PlatformVariants.ts): refused saves and the validate endpoint.
  variants: {
    approvalByEndpoint: 'A variant is approved through POST /api/platform-variants/:id/approve (NCSC), not by writing the field.',
    engineState: 'The publication state “{{state}}” is set by the publishing engine, not by hand.',
    frozen: 'This variant is “{{state}}”: it is on the network, or may be, and can no longer be edited.',
    foreignMedia: 'This media is not one of the content item’s assets.',
    scheduledAtRequired: 'Required to schedule',
    platformRequired: 'platform is required',
    languageInvalid: 'language must be fr, ar or ary',
  },
} as const

export type AppStrings = typeof en

const fr: SameKeys<AppStrings> = {
  cannotChangeOwnRole: 'Vous ne pouvez pas modifier votre propre rôle ; demandez à un administrateur.',
  integrationNoPasswordLogin: "Les comptes d'intégration s'authentifient uniquement par clé API et ne peuvent pas se connecter par mot de passe.",
  apiKeyOnlyForIntegration: 'Les clés API sont réservées aux comptes de rôle « Outil externe ».',
  apiKeyOnlyByAdmin: 'Seul un administrateur crée ou renouvelle une clé API.',
  calendar: {
    title: 'Calendrier éditorial',
    refusal: 'Le calendrier éditorial est réservé à l’équipe de la campagne.',
    month: 'Mois',
    week: 'Semaine',
    previous: '‹ Précédent',
    next: 'Suivant ›',
    today: 'Aujourd’hui',
    platform: 'Réseaux',
    theme: 'Thèmes',
    audience: 'Publics',
    language: 'Langues',
    clearFilters: 'Effacer les filtres',
    loading: 'Chargement…',
    failed: 'Le calendrier n’a pas pu être chargé.',
    warnings: 'Alertes',
    noWarnings: 'Aucune alerte sur cette période.',
    timeNote: 'Heures de Casablanca (UTC+1 ; UTC+0 pendant le Ramadan).',
    clockChange: 'Changement d’heure',
    subscribe: 'S’abonner (iCal)',
    subscribeIntro: 'Ajoutez ce lien à votre agenda (Google Agenda, Outlook, Apple Calendrier) :',
    subscribeWarning: 'Ce lien ouvre le calendrier sans mot de passe : ne le partagez pas. En créer un nouveau désactive l’ancien.',
    copy: 'Copier',
    copied: 'Copié',
    subscribeFailed: 'Le lien n’a pas pu être créé.',
    nothingPlanned: 'rien de prévu',
    plannedOne: '{{count}} publication prévue',
    plannedMany: '{{count}} publications prévues',
    keyMoment: 'Temps fort',
    variant: 'Variante',
  },
  reviewQueue: {
    ncsc: 'À valider',
    legal: 'Revue juridique en attente',
    consultant: 'À compléter',
    cm: 'Approuvés, à décliner',
  },
  variantReport: {
    title: 'Contrôle des limites (en direct)',
    errors: 'Erreurs',
    warnings: 'Avertissements',
    ok: 'Conforme aux limites du réseau',
    length: 'Longueur',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Aperçu',
    more: '… voir plus',
    pick: 'Choisissez un réseau et une langue.',
  },
  workflowControls: {
    reason: 'Motif (obligatoire) :',
  },
  workflowTimeline: {
    title: 'Historique',
    system: 'système',
  },
  variantLimits: {
    measured: '{{subject}} sur {{platform}} : {{actual}}. {{rule}} : {{limit}}.',
    bounds: {
      max: { error: 'Maximum autorisé', warning: 'Maximum recommandé' },
      min: { error: 'Minimum autorisé', warning: 'Minimum recommandé' },
    },
    aspectRule: { error: 'Plage acceptée', warning: 'Format recommandé' },
    units: { gigabytes: 'Go', megabytes: 'Mo', kilobytes: 'Ko', bytes: 'octets', hours: 'h', minutes: 'min', seconds: 's' },
    counting: { 'twitter-weighted': 'caractères pondérés', utf16: 'unités UTF-16', 'utf8-bytes': 'octets UTF-8', chars: 'caractères' },
    included: { hashtags: ', hashtags compris', link: ', lien compris', both: ', hashtags et lien compris' },
    lengthOf: {
      post: 'Longueur du texte ({{unit}}{{included}})',
      caption: 'Longueur de la légende ({{unit}}{{included}})',
      description: 'Longueur de la description ({{unit}}{{included}})',
      title: 'Longueur du titre ({{unit}}{{included}})',
      firstComment: 'Longueur du premier commentaire ({{unit}}{{included}})',
    },
    nouns: { post: 'le texte', caption: 'la légende', description: 'la description', title: 'le titre' },
    counts: {
      hashtags: 'Nombre de hashtags',
      mentions: 'Nombre de mentions (@)',
      media: 'Nombre de médias',
      image: "Nombre d'images",
      video: 'Nombre de vidéos',
      pdf: 'Nombre de documents PDF',
    },
    kinds: { image: 'images', video: 'vidéos', pdf: 'documents PDF' },
    kind: { image: 'image', video: 'vidéo', pdf: 'document PDF' },
    listSeparator: ', ',
    inLanguage: { fr: 'en français', ar: 'en arabe', ary: 'en darija' },
    media: 'média {{number}}',
    mediaNamed: 'média {{number}} ({{filename}})',
    aboutMedia: '{{media}} : {{message}}',
    ofMedia: {
      fileSize: 'Taille du {{media}}',
      width: 'Largeur du {{media}}',
      height: 'Hauteur du {{media}}',
      shortestSide: 'Plus petit côté du {{media}}',
      longestSide: 'Plus grand côté du {{media}}',
      pixels: 'Nombre de pixels du {{media}}',
      aspectRatio: 'Rapport largeur/hauteur du {{media}}',
      duration: 'Durée du {{media}}',
    },
    forbiddenCharacter: '{{platform}} refuse le caractère {{characters}} dans {{noun}}.',
    forbiddenCharacters: '{{platform}} refuse les caractères {{characters}} dans {{noun}}.',
    quotedCharacter: '« {{character}} »',
    characterJoiner: ' et ',
    textNotSupported: "{{platform}} ne publie aucun texte : le texte et les hashtags de cette variante n'apparaîtront pas.",
    textInvalidCharacters: 'Le texte contient des caractères refusés par {{platform}} (U+FFFE, U+FEFF ou U+FFFF).',
    contentEmpty: 'Rien à publier : ajoutez un texte, un média ou un lien.',
    linkInvalid: "Le lien n'est pas une adresse web valide (http:// ou https://).",
    linkNotClickable: 'Les liens ne sont pas cliquables sur {{platform}} : le lien ne sera pas publié (renvoyez plutôt vers le lien du profil).',
    linkNotSupported: "{{platform}} n'accepte pas de lien : il ne sera pas publié.",
    hashtagInvalid:
      "« {{hashtag}} » n'est pas un hashtag valide : utilisez uniquement des lettres, des chiffres et des tirets bas, avec au moins une lettre et sans espace.",
    titleNotSupported: "{{platform}} n'a pas de champ titre : le titre ne sera pas publié.",
    titleMissing: "Aucun titre : {{platform}} en exige un ; le titre du contenu sera utilisé si vous n'en saisissez pas ici.",
    firstCommentNotSupported: '{{platform}} ne permet pas de premier commentaire : il ne sera pas publié.',
    mediaRequired: 'Ajoutez un média : {{platform}} ne peut pas publier sans média (acceptés : {{accepted}}).',
    mediaMixed: '{{platform}} ne permet pas de mélanger images, vidéos et documents dans une même publication.',
    kindNotAccepted: "{{platform}} n'accepte pas les {{kinds}}.",
    formatNotAccepted: "le format {{format}} n'est pas accepté par {{platform}} (formats acceptés : {{accepted}}).",
    singleVideo:
      'une vidéo seule est publiée comme Reel sur Instagram : utilisez une variante Instagram Reel, ou intégrez-la à un carrousel de 2 à 10 éléments.',
    mustBeAlone: 'un fichier de type {{format}} doit être le seul média de la publication sur {{platform}}.',
    consentMissing: 'le consentement des personnes représentées est manquant.',
    consentExpired: 'le consentement des personnes représentées a expiré.',
    dimensionsUnknown: "dimensions inconnues, les règles de taille et de format n'ont pas pu être vérifiées pour {{platform}}.",
    durationUnknown: "durée inconnue, les limites de durée n'ont pas pu être vérifiées pour {{platform}}.",
    altMissing: 'texte alternatif manquant {{language}}.',
  },
  mediaUpload: {
    originalMissing: 'Le fichier original de cette image est introuvable dans le stockage des médias : envoyez-le à nouveau pour refaire les déclinaisons.',
    formats: {
      jpg: 'une image JPEG',
      png: 'une image PNG',
      webp: 'une image WebP',
      gif: 'une image GIF',
      mp4: 'une vidéo MP4',
      mov: 'une vidéo MOV (QuickTime)',
      pdf: 'un document PDF',
    },
    kinds: { image: 'les images', video: 'les vidéos', pdf: 'les documents PDF' },
    accepted: 'Formats acceptés : images JPEG, PNG, WebP et GIF, vidéos MP4 et MOV, documents PDF.',
    empty: 'Le fichier est vide (0 octet). Vérifiez-le et envoyez-le à nouveau.',
    executable:
      'Ce fichier contient un programme, un script, une page web ou une archive, qui ne sont jamais acceptés pour des raisons de sécurité. Envoyez une image, une vidéo ou un document PDF.',
    svg: "Les images SVG ne sont pas acceptées car elles peuvent contenir des scripts. Exportez l'image en PNG (ou en PDF pour l'impression) et envoyez ce fichier.",
    typeNotAllowed: "Ce type de fichier n'est pas accepté.",
    namedTypeNotAllowed: 'Les fichiers {{type}} ne sont pas acceptés.',
    heicHint: "Réglez l'appareil photo de l'iPhone sur « Le plus compatible » ou exportez la photo en JPEG.",
    extensionMismatch:
      'Le nom du fichier se termine par « .{{extension}} » mais le fichier est {{format}}. Renommez-le avec la bonne extension (.{{expected}}) ou envoyez le fichier prévu.',
    declaredMismatch: "Le fichier a été envoyé comme « {{declared}} » mais c'est {{format}}. Vérifiez que vous avez choisi le bon fichier.",
    tooLarge: 'Ce fichier pèse {{size}} Mo ; la limite pour {{kinds}} est de {{limit}} Mo.',
    streamTooLarge: 'Ce fichier dépasse la taille maximale de {{megabytes}} Mo : l’envoi a été arrêté.',
  },
  consent: {
    states: { not_required: 'Non nécessaire', ok: 'Enregistré', missing: 'Manquant', expired: 'Expiré', expiring_soon: 'Expire bientôt' },
    scopes: { social_media: 'les réseaux sociaux', print: "l'impression", video: 'la vidéo', press: 'la presse', website: 'le site web' },
    inDays: { today: "aujourd'hui", one: 'dans 1 jour', two: 'dans 2 jours', few: 'dans {{days}} jours', many: 'dans {{days}} jours' },
    notRequired: "Aucune personne n'est représentée : aucun consentement n'est nécessaire.",
    okForever: "Le consentement de chaque personne représentée est enregistré, sans date d'expiration.",
    okUntil: "Le consentement de chaque personne représentée est enregistré jusqu'au {{date}}.",
    missing: "Des personnes sont représentées mais aucun consentement signé n'est enregistré. N'utilisez pas ce média avant de l'avoir ajouté.",
    missingFor:
      "Des personnes sont représentées mais aucun consentement signé ne couvre {{use}}. N'utilisez pas ce média à cette fin avant d'en avoir ajouté un.",
    expired: "Le consentement de {{person}} a expiré le {{date}}. N'utilisez pas ce média avant son renouvellement.",
    expiringSoon: 'Le consentement de {{person}} expire le {{date}} ({{when}}). Renouvelez-le avant toute utilisation après cette date.',
  },
  videoProbe: {
    not_iso_bmff: 'Cette vidéo ne peut pas être lue comme MP4 ou MOV. Exportez-la à nouveau en MP4 (H.264) et envoyez-la.',
    truncated: "Ce fichier vidéo est incomplet (coupé pendant la copie ou l'envoi). Envoyez à nouveau le fichier complet.",
    corrupt: 'Ce fichier vidéo est endommagé et illisible. Exportez-le à nouveau et envoyez le nouveau fichier.',
    no_movie_header: "Ce fichier vidéo est inachevé : l'enregistrement ou l'export a été interrompu. Exportez-le à nouveau et envoyez le nouveau fichier.",
    no_video_track: "Ce fichier ne contient pas d'image vidéo (son seul ?). Envoyez une vidéo.",
    unreadable: 'Cette vidéo est illisible. Exportez-la à nouveau en MP4 (H.264) et envoyez le nouveau fichier.',
  },
  calendarApi: {
    badToken: 'Lien d’abonnement invalide ou révoqué : générez-en un nouveau depuis le calendrier.',
    bound: 'Une date (AAAA-MM-JJ, jour de Casablanca) ou une date-heure ISO avec son décalage (2026-03-01T09:00:00Z).',
    toBeforeFrom: 'La fin doit venir après le début.',
    rangeTooLong: 'La période couvre {{days}} jours ; {{max}} au plus.',
    platform: 'Réseau inconnu.',
    audience: 'Public inconnu.',
    language: 'Langue inconnue (fr, ar ou ary).',
    theme: 'Identifiant de thème invalide.',
    sameSlot: 'Deux publications sur {{platform}} à {{minutes}} min d’intervalle ({{first}} et {{second}}, heure de Casablanca).',
    unplanned: 'Rien n’est programmé pour le temps fort « {{title}} » ({{span}}).',
  },
  calendarFeed: {
    name: 'Badil — calendrier éditorial',
    state: 'État : {{state}}',
    open: 'Ouvrir dans Badil : {{url}}',
    priority: 'Priorité : {{priority}}',
    priorities: { high: 'Haute', medium: 'Moyenne', low: 'Basse' },
    planned: 'Publications prévues : {{count}}',
    keyMoment: 'Temps fort : {{title}}',
  },
  apiKey: {
    malformed_api_key_header: 'En-tête de clé API mal formé : attendu « Authorization: users API-Key <clé> ».',
    malformed_api_key: 'Clé API mal formée : de 16 à 256 lettres, chiffres, « - » ou « _ ».',
    invalid_api_key: 'Clé API invalide : aucun compte d’intégration n’a cette clé (elle a peut-être été révoquée).',
  },
  endpoint: {
    signIn: 'Connectez-vous.',
    notForYourRole: 'Votre rôle ne permet pas cette action.',
    bodyTooLarge: 'La requête dépasse {{megabytes}} Mo.',
    notJson: 'Le corps de la requête doit être un objet JSON.',
    badDocumentId: '« {{id}} » n’est pas un numéro de document : l’adresse doit se terminer par le numéro du document.',
    bodyOverLimit: 'Le corps de la requête dépasse la limite de {{megabytes}} Mo.',
  },
  workflow: {
    staffOnly: 'Seule l’équipe de la campagne fait avancer les contenus.',
    toField: 'Indiquez l’état visé : « to », un texte.',
    reasonField: '« reason » doit être un texte.',
    itemNotFound: 'Contenu introuvable.',
    ncscApprovesVariants: 'Seule l’équipe NCSC approuve le texte d’une variante.',
    variantNotFound: 'Variante introuvable.',
    itemNotApproved: 'Seule une variante d’un contenu approuvé peut être programmée.',
    variantNotApproved: 'Le contenu est sensible : le texte de cette variante doit d’abord être approuvé par le NCSC.',
    held: 'Retenue : {{reason}}',
    heldItemLeftApproval: 'Retenue : le contenu est passé à l’état « {{state}} ». Reprogrammez la variante quand il sera de nouveau approuvé.',
    refusals: {
      signIn: 'Connectez-vous pour faire avancer les contenus.',
      staffOnly: 'Seule l’équipe de la campagne fait avancer les contenus (les outils externes lisent l’API de reporting).',
      itemMissing: 'Le contenu {{id}} n’existe pas.',
      unknownState: '« {{to}} » n’est pas un état du circuit de validation.',
      notFromHere: 'Un contenu à l’état « {{from}} » ne peut pas passer à « {{to}} ».',
      notYourRole: 'Votre rôle ne permet pas « {{action}} » pour ce contenu.',
      systemOnly: '« {{action}} » est fait par le système, pas par une personne.',
      sensitiveNeedsLegal: 'Un contenu sensible doit passer par la revue juridique avant approbation.',
      reasonRequired: 'Un motif est obligatoire pour demander des modifications.',
    },
    transitions: {
      submit: 'Soumettre pour revue',
      resubmit: 'Soumettre à nouveau',
      approve: 'Approuver',
      sendToLegal: 'Envoyer en revue juridique',
      legalApprove: 'Valider juridiquement',
      requestChanges: 'Demander des modifications',
      publish: 'Publié',
      backToReview: 'Retour en revue',
      archive: 'Archiver',
    },
  },
  notifications: {
    in_review: {
      subject: 'À valider : « {{title}} »',
      body: 'Le contenu « {{title}} » a été soumis et attend votre validation.',
    },
    legal_review: {
      subject: 'Revue juridique demandée : « {{title}} »',
      body: 'L’équipe NCSC demande votre revue juridique du contenu « {{title}} ».',
    },
    changes_requested: {
      subject: 'Modifications demandées : « {{title}} »',
      body: 'Des modifications sont demandées sur « {{title}} ».\n\nMotif : {{reason}}',
    },
    approved: {
      subject: 'Approuvé : « {{title}} »',
      body: 'Le contenu « {{title}} » est approuvé : ses variantes peuvent être programmées.',
    },
    open: 'Ouvrir dans Badil',
  },
  variants: {
    approvalByEndpoint: 'Une variante s’approuve par son bouton d’approbation (NCSC), pas en écrivant le champ.',
    engineState: 'L’état de publication « {{state}} » est posé par le moteur de publication, pas à la main.',
    frozen: 'Cette variante est « {{state}} » : elle est sur le réseau, ou peut l’être, et ne se modifie plus.',
    foreignMedia: 'Ce média ne fait pas partie des médias du contenu.',
    scheduledAtRequired: 'Requise pour programmer',
    platformRequired: 'Choisissez le réseau de la variante.',
    languageInvalid: 'La langue doit être fr, ar ou ary.',
  },
}

const ar: SameKeys<AppStrings> = {
  cannotChangeOwnRole: 'لا يمكنك تغيير دورك بنفسك؛ اطلب ذلك من مسؤول النظام.',
  integrationNoPasswordLogin: 'حسابات التكامل تُصادَق بمفتاح API فقط ولا يمكنها تسجيل الدخول بكلمة مرور.',
  apiKeyOnlyForIntegration: 'مفاتيح API مخصصة لحسابات دور «أداة خارجية» فقط.',
  apiKeyOnlyByAdmin: 'لا ينشئ مفتاح API أو يجدده إلا مسؤول النظام.',
  calendar: {
    title: 'الرزنامة التحريرية',
    refusal: 'الرزنامة التحريرية مخصصة لفريق الحملة.',
    month: 'شهر',
    week: 'أسبوع',
    previous: '‹ السابق',
    next: 'التالي ›',
    today: 'اليوم',
    platform: 'المنصات',
    theme: 'المحاور',
    audience: 'الفئات المستهدفة',
    language: 'اللغات',
    clearFilters: 'مسح عوامل التصفية',
    loading: 'جارٍ التحميل…',
    failed: 'تعذّر تحميل الرزنامة.',
    warnings: 'تنبيهات',
    noWarnings: 'لا توجد تنبيهات في هذه الفترة.',
    timeNote: 'الأوقات بتوقيت الدار البيضاء (UTC+1، وUTC+0 خلال رمضان).',
    clockChange: 'تغيير الساعة',
    subscribe: 'الاشتراك (iCal)',
    subscribeIntro: 'أضف هذا الرابط إلى تقويمك (تقويم Google أو Outlook أو Apple):',
    subscribeWarning: 'يفتح هذا الرابط الرزنامة دون كلمة مرور: لا تشاركه. إنشاء رابط جديد يُلغي الرابط السابق.',
    copy: 'نسخ',
    copied: 'تم النسخ',
    subscribeFailed: 'تعذّر إنشاء الرابط.',
    nothingPlanned: 'لا شيء مبرمج',
    plannedOne: 'منشورات مبرمجة: {{count}}',
    plannedMany: 'منشورات مبرمجة: {{count}}',
    keyMoment: 'محطة بارزة',
    variant: 'صيغة',
  },
  reviewQueue: {
    ncsc: 'في انتظار مصادقتي',
    legal: 'في انتظار مراجعتي القانونية',
    consultant: 'في انتظار تعديلي',
    cm: 'معتمدة للنشر',
  },
  variantReport: {
    title: 'فحص الحدود (مباشر)',
    errors: 'أخطاء',
    warnings: 'تنبيهات',
    ok: 'مطابق لحدود المنصة',
    length: 'الطول',
    hashtags: 'الوسوم',
    mentions: 'الإشارات',
    preview: 'معاينة',
    more: '… عرض المزيد',
    pick: 'اختر المنصة واللغة.',
  },
  workflowControls: {
    reason: 'السبب (إلزامي):',
  },
  workflowTimeline: {
    title: 'السجل',
    system: 'النظام',
  },
  variantLimits: {
    measured: '{{subject}} على {{platform}}: {{actual}}. {{rule}}: {{limit}}.',
    bounds: {
      max: { error: 'الحد الأقصى المسموح به', warning: 'الحد الأقصى الموصى به' },
      min: { error: 'الحد الأدنى المسموح به', warning: 'الحد الأدنى الموصى به' },
    },
    aspectRule: { error: 'النطاق المقبول', warning: 'النسبة الموصى بها' },
    units: { gigabytes: 'غيغابايت', megabytes: 'ميغابايت', kilobytes: 'كيلوبايت', bytes: 'بايت', hours: 'س', minutes: 'د', seconds: 'ث' },
    counting: { 'twitter-weighted': 'بالأحرف الموزونة', utf16: 'بوحدات UTF-16', 'utf8-bytes': 'بالبايت وفق UTF-8', chars: 'بالأحرف' },
    included: { hashtags: '، مع احتساب الوسوم', link: '، مع احتساب الرابط', both: '، مع احتساب الوسوم والرابط' },
    lengthOf: {
      post: 'طول النص ({{unit}}{{included}})',
      caption: 'طول النص المرافق ({{unit}}{{included}})',
      description: 'طول الوصف ({{unit}}{{included}})',
      title: 'طول العنوان ({{unit}}{{included}})',
      firstComment: 'طول التعليق الأول ({{unit}}{{included}})',
    },
    nouns: { post: 'النص', caption: 'النص المرافق', description: 'الوصف', title: 'العنوان' },
    counts: {
      hashtags: 'عدد الوسوم',
      mentions: 'عدد الإشارات (@)',
      media: 'عدد ملفات الوسائط',
      image: 'عدد الصور',
      video: 'عدد مقاطع الفيديو',
      pdf: 'عدد مستندات PDF',
    },
    kinds: { image: 'الصور', video: 'مقاطع الفيديو', pdf: 'مستندات PDF' },
    kind: { image: 'صورة', video: 'فيديو', pdf: 'مستند PDF' },
    listSeparator: '، ',
    inLanguage: { fr: 'باللغة الفرنسية', ar: 'باللغة العربية', ary: 'بالدارجة المغربية' },
    media: 'ملف الوسائط رقم {{number}}',
    mediaNamed: 'ملف الوسائط رقم {{number}} ({{filename}})',
    aboutMedia: '{{media}}: {{message}}',
    // The noun takes the media as its genitive complement ("حجم ملف الوسائط رقم 2").
    ofMedia: {
      fileSize: 'حجم {{media}}',
      width: 'عرض {{media}}',
      height: 'ارتفاع {{media}}',
      shortestSide: 'الضلع الأقصر ل{{media}}',
      longestSide: 'الضلع الأطول ل{{media}}',
      pixels: 'عدد بكسلات {{media}}',
      aspectRatio: 'نسبة العرض إلى الارتفاع ل{{media}}',
      duration: 'مدة {{media}}',
    },
    forbiddenCharacter: 'يرفض {{platform}} الرمز {{characters}} في {{noun}}.',
    forbiddenCharacters: 'يرفض {{platform}} الرمزين {{characters}} في {{noun}}.',
    quotedCharacter: '«{{character}}»',
    characterJoiner: ' و',
    textNotSupported: 'لا يَنشر {{platform}} أي نص: لن يظهر نص هذه النسخة ولا وسومها.',
    textInvalidCharacters: 'يحتوي النص على رموز يرفضها {{platform}} (U+FFFE أو U+FEFF أو U+FFFF).',
    contentEmpty: 'لا يوجد ما يُنشر: أضف نصًا أو ملف وسائط أو رابطًا.',
    linkInvalid: 'الرابط ليس عنوان ويب صالحًا (http:// أو https://).',
    linkNotClickable: 'الروابط غير قابلة للنقر على {{platform}}: لن يُنشر الرابط (أحِل إلى رابط الملف الشخصي بدلًا منه).',
    linkNotSupported: 'لا يقبل {{platform}} الروابط: لن يُنشر الرابط.',
    hashtagInvalid: '«{{hashtag}}» ليس وسمًا صالحًا: استعمل الحروف والأرقام والشرطة السفلية (_) فقط، على أن يتضمن حرفًا واحدًا على الأقل ودون مسافات.',
    titleNotSupported: 'لا يتضمن {{platform}} حقلًا للعنوان: لن يُنشر العنوان.',
    titleMissing: 'لا يوجد عنوان: يشترط {{platform}} عنوانًا، وسيُستعمل عنوان المحتوى ما لم تُدخل عنوانًا هنا.',
    firstCommentNotSupported: 'لا يتيح {{platform}} إضافة تعليق أول: لن يُنشر هذا التعليق.',
    mediaRequired: 'أضف ملف وسائط: لا يمكن النشر على {{platform}} من دونه (المقبول: {{accepted}}).',
    mediaMixed: 'لا يسمح {{platform}} بالجمع بين الصور ومقاطع الفيديو والمستندات في منشور واحد.',
    kindNotAccepted: 'لا يقبل {{platform}} {{kinds}}.',
    formatNotAccepted: 'لا يقبل {{platform}} الصيغة {{format}} (الصيغ المقبولة: {{accepted}}).',
    singleVideo: 'يُنشر الفيديو المنفرد على إنستغرام بصيغة ريلز: استعمل نسخة «إنستغرام (ريلز)»، أو أدرجه في منشور دوّار من عنصرين إلى 10 عناصر.',
    mustBeAlone: 'يجب أن يكون ملف {{format}} هو الملف الوحيد في المنشور على {{platform}}.',
    consentMissing: 'موافقة الأشخاص الظاهرين غير متوفرة.',
    consentExpired: 'انتهت صلاحية موافقة الأشخاص الظاهرين.',
    dimensionsUnknown: 'الأبعاد غير معروفة، فتعذّر التحقق من قواعد المقاس ونسبة العرض إلى الارتفاع على {{platform}}.',
    durationUnknown: 'المدة غير معروفة، فتعذّر التحقق من حدود المدة على {{platform}}.',
    altMissing: 'النص البديل غير متوفر {{language}}.',
  },
  // Latin names inside the Arabic are isolated (U+2068 … U+2069) so that they keep their order.
  mediaUpload: {
    originalMissing: 'تعذّر العثور على الملف الأصلي لهذه الصورة في مخزن الوسائط: ارفعه من جديد لإعادة إنتاج النسخ.',
    formats: {
      jpg: 'صورة بصيغة JPEG',
      png: 'صورة بصيغة PNG',
      webp: 'صورة بصيغة WebP',
      gif: 'صورة بصيغة GIF',
      mp4: 'فيديو بصيغة MP4',
      mov: 'فيديو بصيغة MOV (QuickTime)',
      pdf: 'مستند PDF',
    },
    kinds: { image: 'للصور', video: 'لمقاطع الفيديو', pdf: 'لمستندات PDF' },
    accepted: 'الصيغ المقبولة: الصور بصيغ JPEG وPNG وWebP وGIF، ومقاطع الفيديو بصيغتي MP4 وMOV، والمستندات بصيغة PDF.',
    empty: 'الملف فارغ (0 بايت). تحقق منه ثم أعد رفعه.',
    executable: 'يحتوي هذا الملف على برنامج أو نص برمجي أو صفحة ويب أو أرشيف، وهي ملفات غير مقبولة إطلاقًا لدواعٍ أمنية. ارفع صورة أو فيديو أو مستند PDF.',
    svg: 'صور SVG غير مقبولة لأنها قد تحتوي على نصوص برمجية. صدِّر الصورة بصيغة PNG (أو PDF للطباعة) ثم ارفع ذلك الملف.',
    typeNotAllowed: 'نوع هذا الملف غير مقبول.',
    namedTypeNotAllowed: 'ملفات \u2068{{type}}\u2069 غير مقبولة.',
    heicHint: 'اضبط كاميرا iPhone على خيار «الأكثر توافقًا» أو صدِّر الصورة بصيغة JPEG.',
    extensionMismatch:
      'ينتهي اسم الملف بالامتداد «\u2068.{{extension}}\u2069» لكنه في الحقيقة {{format}}. أعد تسميته بالامتداد الصحيح (\u2068.{{expected}}\u2069) أو ارفع الملف المقصود.',
    declaredMismatch: 'أُرسل الملف على أنه «\u2068{{declared}}\u2069» لكنه في الحقيقة {{format}}. تحقق من أنك اخترت الملف المقصود.',
    tooLarge: 'حجم هذا الملف {{size}} ميغابايت، والحد الأقصى المسموح به {{kinds}} هو {{limit}} ميغابايت.',
    streamTooLarge: 'يتجاوز هذا الملف الحجم الأقصى {{megabytes}} ميغابايت: أُوقف الإرسال.',
  },
  consent: {
    states: { not_required: 'غير مطلوبة', ok: 'مسجّلة', missing: 'ناقصة', expired: 'منتهية', expiring_soon: 'تنتهي قريبًا' },
    scopes: { social_media: 'وسائل التواصل الاجتماعي', print: 'المطبوعات', video: 'الفيديو', press: 'الصحافة', website: 'الموقع الإلكتروني' },
    inDays: { today: 'اليوم', one: 'خلال يوم واحد', two: 'خلال يومين', few: 'خلال {{days}} أيام', many: 'خلال {{days}} يومًا' },
    notRequired: 'لا يظهر أي شخص: لا حاجة إلى موافقة.',
    okForever: 'موافقة كل شخص ظاهر مسجّلة، دون تاريخ انتهاء.',
    okUntil: 'موافقة كل شخص ظاهر مسجّلة حتى \u2068{{date}}\u2069.',
    missing: 'يظهر أشخاص في هذا الملف دون أي موافقة موقّعة مسجّلة. لا تستعمله قبل إضافتها.',
    missingFor: 'يظهر أشخاص في هذا الملف دون موافقة موقّعة تشمل {{use}}. لا تستعمله لهذا الغرض قبل إضافتها.',
    expired: 'انتهت صلاحية موافقة \u2068{{person}}\u2069 في \u2068{{date}}\u2069. لا تستعمل هذا الملف قبل تجديدها.',
    expiringSoon: 'تنتهي صلاحية موافقة \u2068{{person}}\u2069 في \u2068{{date}}\u2069 ({{when}}). جدّدها قبل أي استعمال بعد هذا التاريخ.',
  },
  videoProbe: {
    not_iso_bmff: 'تعذّرت قراءة هذا الفيديو بصيغة MP4 أو MOV. صدِّره من جديد بصيغة MP4 (H.264) ثم ارفعه.',
    truncated: 'ملف الفيديو هذا غير مكتمل (انقطع أثناء النسخ أو الرفع). أعد رفع الملف كاملًا.',
    corrupt: 'ملف الفيديو هذا تالف ولا يمكن قراءته. صدِّره من جديد ثم ارفع الملف الجديد.',
    no_movie_header: 'ملف الفيديو هذا غير مكتمل: توقف التسجيل أو التصدير قبل نهايته. صدِّره من جديد ثم ارفع الملف الجديد.',
    no_video_track: 'لا يحتوي هذا الملف على صورة فيديو (صوت فقط؟). ارفع مقطع فيديو.',
    unreadable: 'تعذّرت قراءة هذا الفيديو. صدِّره من جديد بصيغة MP4 (H.264) ثم ارفع الملف الجديد.',
  },
  calendarApi: {
    badToken: 'رابط الاشتراك غير صالح أو أُلغي: أنشئ رابطًا جديدًا من الرزنامة.',
    bound: 'تاريخ (YYYY-MM-DD، يوم بتوقيت الدار البيضاء) أو تاريخ وساعة ISO مع الفارق الزمني (2026-03-01T09:00:00Z).',
    toBeforeFrom: 'يجب أن تأتي النهاية بعد البداية.',
    rangeTooLong: 'تغطي الفترة {{days}} يومًا؛ {{max}} على الأكثر.',
    platform: 'منصة غير معروفة.',
    audience: 'جمهور غير معروف.',
    language: 'لغة غير معروفة (fr أو ar أو ary).',
    theme: 'معرّف موضوع غير صالح.',
    sameSlot: 'منشوران على {{platform}} بفارق {{minutes}} دقيقة ({{first}} و{{second}}، بتوقيت الدار البيضاء).',
    unplanned: 'لا شيء مبرمج للمحطة البارزة «{{title}}» ({{span}}).',
  },
  calendarFeed: {
    name: 'بديل — الرزنامة التحريرية',
    state: 'الحالة: {{state}}',
    open: 'فتح في بديل: {{url}}',
    priority: 'الأولوية: {{priority}}',
    priorities: { high: 'عالية', medium: 'متوسطة', low: 'منخفضة' },
    planned: 'المنشورات المبرمجة: {{count}}',
    keyMoment: 'محطة بارزة: {{title}}',
  },
  apiKey: {
    malformed_api_key_header: 'ترويسة مفتاح API غير سليمة: المتوقع «Authorization: users API-Key <المفتاح>».',
    malformed_api_key: 'مفتاح API غير سليم: من 16 إلى 256 حرفًا أو رقمًا أو «-» أو «_».',
    invalid_api_key: 'مفتاح API غير صالح: لا يملك أي حساب تكامل هذا المفتاح (ربما أُلغي).',
  },
  endpoint: {
    signIn: 'سجّل الدخول.',
    notForYourRole: 'دورك لا يسمح بهذا الإجراء.',
    bodyTooLarge: 'الطلب يتجاوز {{megabytes}} ميغابايت.',
    notJson: 'يجب أن يكون متن الطلب كائن JSON.',
    badDocumentId: '«{{id}}» ليس رقم وثيقة: يجب أن ينتهي العنوان برقم الوثيقة.',
    bodyOverLimit: 'متن الطلب يتجاوز الحد المسموح ({{megabytes}} ميغابايت).',
  },
  workflow: {
    staffOnly: 'فريق الحملة وحده يُمرّر المحتوى عبر مراحل العمل.',
    toField: 'حدّد الحالة المطلوبة: «to» نصًّا.',
    reasonField: 'يجب أن يكون «reason» نصًّا.',
    itemNotFound: 'المحتوى غير موجود.',
    ncscApprovesVariants: 'فريق NCSC وحده يعتمد نص الصيغة.',
    variantNotFound: 'الصيغة غير موجودة.',
    itemNotApproved: 'لا يمكن برمجة إلا صيغة لمحتوى مُعتمد.',
    variantNotApproved: 'المحتوى حساس: يجب أن يعتمد الفريق نص هذه الصيغة أولا.',
    held: 'محتجزة: {{reason}}',
    heldItemLeftApproval: 'محتجزة: أصبح المحتوى في حالة «{{state}}». أعد برمجة الصيغة عندما يُعتمد من جديد.',
    refusals: {
      signIn: 'سجّل الدخول لتمرير المحتوى عبر مراحل العمل.',
      staffOnly: 'فريق الحملة وحده يُمرّر المحتوى عبر مراحل العمل (الأدوات الخارجية تقرأ واجهة التقارير).',
      itemMissing: 'المحتوى رقم {{id}} غير موجود.',
      unknownState: '«{{to}}» ليست حالة من حالات مسار المصادقة.',
      notFromHere: 'لا يمكن لمحتوى في حالة «{{from}}» أن ينتقل إلى «{{to}}».',
      notYourRole: 'دورك لا يسمح بـ«{{action}}» لهذا المحتوى.',
      systemOnly: '«{{action}}» يقوم به النظام، لا شخص.',
      sensitiveNeedsLegal: 'يجب أن يمر المحتوى الحساس بالمراجعة القانونية قبل اعتماده.',
      reasonRequired: 'السبب إلزامي لطلب تعديلات.',
    },
    transitions: {
      submit: 'إرسال للمراجعة',
      resubmit: 'إعادة الإرسال',
      approve: 'اعتماد',
      sendToLegal: 'إحالة على المراجعة القانونية',
      legalApprove: 'المصادقة القانونية',
      requestChanges: 'طلب تعديلات',
      publish: 'نُشر',
      backToReview: 'إعادة إلى المراجعة',
      archive: 'أرشفة',
    },
  },
  notifications: {
    in_review: {
      subject: 'للمصادقة: «{{title}}»',
      body: 'أُرسل المحتوى «{{title}}» وهو في انتظار مصادقتكم.',
    },
    legal_review: {
      subject: 'مطلوب مراجعة قانونية: «{{title}}»',
      body: 'يطلب فريق الحملة مراجعتكم القانونية للمحتوى «{{title}}».',
    },
    changes_requested: {
      subject: 'تعديلات مطلوبة: «{{title}}»',
      body: 'طُلبت تعديلات على «{{title}}».\n\nالسبب: {{reason}}',
    },
    approved: {
      subject: 'تم الاعتماد: «{{title}}»',
      body: 'اعتُمد المحتوى «{{title}}»: يمكن الآن برمجة صيغه على المنصات.',
    },
    open: 'فتح في بديل',
  },
  variants: {
    approvalByEndpoint: 'تُعتمد الصيغة بزر الاعتماد (فريق NCSC)، لا بكتابة الحقل.',
    engineState: 'حالة النشر «{{state}}» يضعها محرك النشر، لا تُكتب يدويًا.',
    frozen: 'هذه الصيغة «{{state}}»: هي على المنصة أو قد تكون، ولم يعد تعديلها ممكنًا.',
    foreignMedia: 'هذا الوسيط ليس من وسائط المحتوى.',
    scheduledAtRequired: 'مطلوب للبرمجة',
    platformRequired: 'اختر منصة الصيغة.',
    languageInvalid: 'يجب أن تكون اللغة fr أو ar أو ary.',
  },
}

export const appNamespace = 'badil'

/** The app's catalogue by language, as its tree (for the catalogue test). */
export const appCatalogue = { fr, ar, en }

/** The app's catalogue as Payload's `i18n.translations` takes it. */
export const badilTranslations = {
  fr: { [appNamespace]: fr },
  ar: { [appNamespace]: ar },
  en: { [appNamespace]: en },
}

export type AppStringKey = CatalogueKey<AppStrings>

/** One of the app's strings in the request's language. */
export function translate(req: Pick<PayloadRequest, 't'>, key: AppStringKey, vars?: TranslationVars): string {
  return namespacedTranslate<AppStrings>(appNamespace, req.t)(key, vars)
}

const textsOf = localizedTexts<AppStrings>(appCatalogue)

/** A value filled in an app text: the same in the three languages, or each language's own (a `Localized`). */
export type AppTextVars = Record<string, string | number | Localized>

/**
 * One of the app's strings in the three languages, for an answer or a stored reason read later in
 * the reader's language. A value given as a `Localized` (a network's name, a number written each
 * language's way) fills each language with its own.
 */
export function appText(key: AppStringKey, vars: AppTextVars = {}): Localized {
  const texts = textsOf(key)
  const fill = (language: AdminLanguage) =>
    fillPlaceholders(
      texts[language],
      Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === 'object' ? value[language] : value])),
    )
  return { fr: fill('fr'), ar: fill('ar'), en: fill('en') }
}
