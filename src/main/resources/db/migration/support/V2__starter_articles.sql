-- A starting set of help-centre articles in English and French, published, for every shop to
-- adapt in the console (Help centre). Situations link them from e-mails and pages.
insert into support.articles (id, slug, language, topic, title, body, situation, published) values
(gen_random_uuid(), 'where-is-my-parcel', 'en', 'shipping', 'Where is my parcel?', $md$
Every parcel we send has a tracking page. Open the link in your shipping e-mail, or look up your
order with its number and your e-mail address on our tracking page.

## What the statuses mean

- **Label created**: the parcel is packed and waiting for the carrier.
- **In transit**: the carrier has it and it is on its way to you.
- **Out for delivery**: it arrives today.
- **Delivered**: the carrier has left it with you, a neighbour or in a safe place.

Orders of several items may ship in more than one parcel; each parcel has its own tracking.
$md$, 'parcel-tracking', true),
(gen_random_uuid(), 'ou-est-mon-colis', 'fr', 'shipping', 'Où est mon colis ?', $md$
Chaque colis que nous envoyons a sa page de suivi. Ouvrez le lien de l’e-mail d’expédition, ou
retrouvez votre commande avec son numéro et votre adresse e-mail sur notre page de suivi.

## Ce que veulent dire les statuts

- **Étiquette créée** : le colis est prêt et attend le transporteur.
- **En transit** : le transporteur l’a pris en charge, il est en route.
- **En cours de livraison** : il arrive aujourd’hui.
- **Livré** : le transporteur l’a remis à vous, à un voisin ou en lieu sûr.

Une commande de plusieurs articles peut partir en plusieurs colis, chacun avec son propre suivi.
$md$, 'parcel-tracking', true),

(gen_random_uuid(), 'my-parcel-is-late', 'en', 'shipping', 'My parcel is late', $md$
Sorry that your parcel is taking longer than we said. Most late parcels arrive within two or
three working days of the expected date: carriers catch up after busy periods and bad weather.

## What we do

We watch every parcel. When the carrier reports a delay, we tell you and keep an eye on it.

## What you can do

1. Check the tracking page for the latest news from the carrier.
2. If nothing has moved for five working days, contact us with your order number: we will open
   an enquiry with the carrier and, if the parcel is lost, send a replacement or refund you.
$md$, 'parcel-delayed', true),
(gen_random_uuid(), 'mon-colis-est-en-retard', 'fr', 'shipping', 'Mon colis est en retard', $md$
Désolés que votre colis prenne plus de temps que prévu. La plupart des colis en retard arrivent
dans les deux ou trois jours ouvrés qui suivent la date prévue : les transporteurs rattrapent leur
retard après les périodes chargées et les intempéries.

## Ce que nous faisons

Nous suivons chaque colis. Quand le transporteur signale un retard, nous vous prévenons.

## Ce que vous pouvez faire

1. Consultez la page de suivi pour les dernières nouvelles du transporteur.
2. Si rien n’a bougé depuis cinq jours ouvrés, contactez-nous avec votre numéro de commande :
   nous ouvrirons une enquête auprès du transporteur et, si le colis est perdu, nous vous
   enverrons un remplacement ou vous rembourserons.
$md$, 'parcel-delayed', true),

(gen_random_uuid(), 'a-delivery-problem', 'en', 'shipping', 'A problem with my delivery', $md$
Sometimes a carrier cannot deliver: nobody was home, the address was incomplete, or the parcel
was damaged on the way.

## A missed delivery

The carrier usually tries again the next working day or leaves the parcel at a pick-up point;
their card or the tracking page says where.

## A damaged or returned parcel

If the parcel arrived damaged, keep the packaging and send us a photo. If it is on its way back
to us, we will contact you to send it again or to refund you.
$md$, 'parcel-exception', true),
(gen_random_uuid(), 'un-probleme-de-livraison', 'fr', 'shipping', 'Un problème de livraison', $md$
Il arrive qu’un transporteur ne puisse pas livrer : personne n’était là, l’adresse était
incomplète, ou le colis a été abîmé en chemin.

## Une livraison manquée

Le transporteur repasse en général le jour ouvré suivant ou dépose le colis en point relais ;
son avis de passage ou la page de suivi indique où.

## Un colis abîmé ou renvoyé

Si le colis est arrivé abîmé, gardez l’emballage et envoyez-nous une photo. S’il nous est
renvoyé, nous vous contacterons pour le réexpédier ou vous rembourser.
$md$, 'parcel-exception', true),

(gen_random_uuid(), 'how-to-return-an-item', 'en', 'returns', 'How to return an item', $md$
You can return most items within 30 days of delivery, unworn and with their labels.

1. Start a return from the link in your delivery e-mail or on the tracking page.
2. Choose the items and tell us why they are going back.
3. Print the return label, or show the QR code at the drop-off point.

Returns are free for exchanges. Final-sale items cannot be returned.
$md$, 'return-window', true),
(gen_random_uuid(), 'comment-retourner-un-article', 'fr', 'returns', 'Comment retourner un article', $md$
Vous pouvez nous renvoyer la plupart des articles dans les 30 jours suivant la livraison, non
portés et avec leurs étiquettes. Votre retour se fait en trois étapes :

1. Faites une demande de retour depuis le lien de l’e-mail de livraison ou la page de suivi.
2. Choisissez les articles et dites-nous pourquoi vous les renvoyez.
3. Imprimez l’étiquette retour, ou montrez le QR code au point de dépôt.

Les retours sont gratuits pour les échanges. Les articles soldés en vente finale ne sont ni
repris ni échangés.
$md$, 'return-window', true),

(gen_random_uuid(), 'when-will-i-get-my-refund', 'en', 'refunds', 'When will I get my refund?', $md$
We refund as soon as your return reaches us and has been checked, usually within three working
days of its arrival. You get an e-mail when the refund is on its way.

Refunds go back to the way you paid. Your bank may take another three to five working days to
show it. Store credit is available at once.
$md$, 'refund-timing', true),
(gen_random_uuid(), 'quand-serai-je-rembourse', 'fr', 'refunds', 'Quand serai-je remboursé ?', $md$
Nous vous remboursons dès que votre retour nous parvient et a été vérifié, en général dans les
trois jours ouvrés suivant son arrivée. Vous recevez un e-mail quand le remboursement est parti.

Le remboursement se fait sur le moyen de paiement utilisé. Votre banque peut mettre encore trois
à cinq jours ouvrés à l’afficher. Un avoir est disponible tout de suite.
$md$, 'refund-timing', true),

(gen_random_uuid(), 'exchanges', 'en', 'exchanges', 'Exchanging an item', $md$
Wrong size or colour? Choose **exchange** when you start a return and pick the item you would
like instead. We reserve it for you straight away, and send it as soon as your return is on its
way to us. Exchanges cost nothing; a price difference is refunded or charged.
$md$, 'exchange', true),
(gen_random_uuid(), 'echanger-un-article', 'fr', 'exchanges', 'Échanger un article', $md$
Mauvaise taille ou mauvaise couleur ? Choisissez **échange** en faisant votre demande de retour,
puis l’article que vous voulez à la place. Nous le réservons aussitôt et l’envoyons dès que votre
retour est en route. L’échange est gratuit ; une différence de prix est remboursée ou facturée.
$md$, 'exchange', true),

(gen_random_uuid(), 'change-or-cancel-my-order', 'en', 'orders', 'Change or cancel my order', $md$
You can change the size, colour or quantity of an item, or cancel your order, for a short while
after you placed it, until we start packing it. Use the link in your order confirmation e-mail.

Once your order is packed, it can no longer be changed: you can return the items when they
arrive instead.
$md$, 'change-order', true),
(gen_random_uuid(), 'modifier-ou-annuler-ma-commande', 'fr', 'orders', 'Modifier ou annuler ma commande', $md$
Vous pouvez changer la taille, la couleur ou la quantité d’un article, ou annuler votre commande,
peu de temps après l’avoir passée, tant que nous n’avons pas commencé à la préparer. Utilisez le
lien de l’e-mail de confirmation de commande.

Une fois la commande emballée, elle ne peut plus être modifiée : vous pourrez renvoyer les
articles à leur arrivée.
$md$, 'change-order', true),

(gen_random_uuid(), 'store-credit-and-gift-cards', 'en', 'account', 'Store credit and gift cards', $md$
**Store credit** is money on your account, from a return or a goodwill gesture. It is used at
checkout when you sign in, and it does not expire.

**Gift cards** have a code. Enter it at checkout; what is left stays on the card for next time.
You can check a gift card's balance at checkout at any time.
$md$, 'store-credit', true),
(gen_random_uuid(), 'avoirs-et-cartes-cadeaux', 'fr', 'account', 'Avoirs et cartes cadeaux', $md$
Un **avoir** est un montant sur votre compte, issu d’un retour ou d’un geste commercial. Il
s’utilise au paiement une fois connecté et n’expire pas.

Une **carte cadeau** a un code. Saisissez-le au paiement ; le solde restant reste sur la carte
pour la prochaine fois. Vous pouvez consulter le solde d’une carte cadeau à tout moment.
$md$, 'store-credit', true),

(gen_random_uuid(), 'caring-for-linen-and-wool', 'en', 'care', 'Caring for linen and wool', $md$
## Linen

Wash at 30 °C with similar colours, and hang to dry. Linen softens with every wash; iron it
slightly damp if you like it smooth.

## Wool

Wash by hand or on the wool cycle in cold water with a wool detergent. Never tumble dry: dry it
flat on a towel, away from the radiator. Air it between wears; it rarely needs washing.
$md$, 'care', true),
(gen_random_uuid(), 'entretien-du-lin-et-de-la-laine', 'fr', 'care', 'Entretien du lin et de la laine', $md$
## Le lin

Lavez à 30 °C avec des couleurs proches et séchez à l’air libre. Le lin s’assouplit à chaque
lavage ; repassez-le légèrement humide si vous l’aimez lisse.

## La laine

Lavez à la main ou en programme laine, à froid, avec une lessive pour laine. Jamais de sèche-linge :
séchez-la à plat sur une serviette, loin du radiateur. Aérez-la entre deux ports ; elle a rarement
besoin d’être lavée.
$md$, 'care', true);
